package org.tonearm.compat.listenbrainz;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Wires the rate limit in front of both ListenBrainz prefixes. */
@Configuration(proxyBeanMethods = false)
class ListenBrainzWebConfiguration implements WebMvcConfigurer {

    private final ListenBrainzAuth auth;
    private final ListenBrainzProperties limits;
    private final JsonMapper json;

    ListenBrainzWebConfiguration(ListenBrainzAuth auth, ListenBrainzProperties limits, JsonMapper json) {
        this.auth = auth;
        this.limits = limits;
        this.json = json;
    }

    @Bean
    ListenBrainzRateLimiter listenBrainzRateLimiter() {
        return new ListenBrainzRateLimiter(limits.windowSeconds(), Clock.systemUTC());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ListenBrainzRateLimitInterceptor(listenBrainzRateLimiter(), auth, limits, json))
                .addPathPatterns(ListenBrainzController.API_PREFIX + "/**", ListenBrainzController.ROOT_PREFIX + "/**");
    }
}
