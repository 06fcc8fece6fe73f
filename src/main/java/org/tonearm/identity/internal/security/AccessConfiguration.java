package org.tonearm.identity.internal.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link AccessInterceptor} in front of every API and protocol route: the native API ({@code /api/**}), the
 * compatibility protocols ({@code /apis/**}, ListenBrainz's {@code /1/**}, Last.fm's {@code /2.0}). Web pages have
 * a session-cookie chain of their own.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class AccessConfiguration implements WebMvcConfigurer {

    /** The paths whose routes must declare {@link org.tonearm.identity.Access}. */
    static final String[] GUARDED = {"/api/**", "/apis/**", "/1/**", "/2.0", "/2.0/**"};

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the protocols' own interceptors (ListenBrainz rate limit): a refused call still counts, as before
        registry.addInterceptor(new AccessInterceptor()).addPathPatterns(GUARDED).order(100);
    }
}
