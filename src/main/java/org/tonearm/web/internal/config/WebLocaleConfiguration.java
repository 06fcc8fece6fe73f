package org.tonearm.web.internal.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page language (docs/web.md#languages): the {@code tonearm_lang} cookie set by the footer's language links
 * ({@code ?lang=es}), else the best of Accept-Language among English, Spanish and French, else English.
 *
 * <p>Decision: a cookie, not a profile field. The profile has no language column; adding one means a migration, the
 * API's {@code /me} fields and the account export — not cheap for a foundation. The cookie also works before login
 * (login and first-run pages). A profile field can replace it later without changing the templates.
 */
@Configuration(proxyBeanMethods = false)
class WebLocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("es"), Locale.FRENCH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("tonearm_lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            for (Locale wanted : java.util.Collections.list(request.getLocales())) {
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equals(wanted.getLanguage())) {
                        return supported;
                    }
                }
            }
            return Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                // only the three bundles; anything else is ignored rather than stored
                Locale parsed = super.parseLocaleValue(value);
                return parsed != null && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(parsed.getLanguage()))
                        ? parsed : null;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/apis/**", "/1/**", "/2.0/**");
    }
}
