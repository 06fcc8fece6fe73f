package org.tonearm.identity.internal.security;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.tonearm.identity.RateLimitRejection;
import org.tonearm.identity.RateLimits;
import org.tonearm.identity.internal.account.SessionGuard;
import org.tonearm.identity.internal.ratelimit.RateLimitFilter;
import org.tonearm.identity.internal.ratelimit.RateLimitProperties;
import org.tonearm.identity.internal.token.AccessTokens;
import org.tonearm.identity.internal.token.ApiTokenService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's security and gateway: stateless, token-authenticated, no CSRF (no cookies are read, so there is
 * nothing for a cross-site request to ride on; the web UI's session cookie + CSRF protection of docs/api.md#accounts-and-authentication will get
 * its own chain). Filters in order: token authentication → rate limit → body size limit.
 *
 * <p>Access rules:
 * <ul>
 *   <li>public: register, login, refresh, OIDC; health; the compatibility protocols ({@code /apis/**},
 *       {@code /1/**} ListenBrainz, {@code /2.0/**} Last.fm), which authenticate their own way and answer in their
 *       own error formats; {@code /api/v1/users/{username}/stats/**} (a PUBLIC profile's statistics, docs/api.md#accounts-and-authentication; the
 *       stats module answers 404 for any other profile); {@code /error}; static files and API docs;</li>
 *   <li>{@code /api/v1/admin/**}: ADMIN (the role as it is now, see SessionGuard);</li>
 *   <li>everything else under {@code /api/v1/**}: authenticated. Decision: an unknown {@code /api/v1} path
 *       answers 401 to an anonymous caller (authorization runs before routing, and it does not reveal which
 *       endpoints exist); an authenticated caller gets the problem+json 404;</li>
 *   <li>other actuator endpoints (metrics): ADMIN (an admin's API token works for a scraper);</li>
 *   <li>any other path (web pages, unknown paths): passed on, so unknown routes still get the problem+json 404.</li>
 * </ul>
 *
 * <p>Headers (docs/api.md#gateway): CSP, {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, a referrer
 * policy, and HSTS on HTTPS requests (behind a proxy: {@code X-Forwarded-Proto} from a trusted proxy,
 * {@code server.forward-headers-strategy=native}); CORS only for the configured origins.
 */
// web-only: the CLI and benchmarks start the application without a web server
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] PUBLIC = {
        "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/oidc/**",
        "/api/v1/openapi.json", "/api/v1/openapi.json.yaml", "/api/v1/openapi.json/**", "/api/docs", "/api/docs/**",
        "/health", "/health/**", "/actuator/health", "/actuator/health/**",
        "/apis/**", "/1/**", "/2.0/**",
        // public profiles' statistics (docs/api.md#accounts-and-authentication): the stats module checks the profile's visibility
        "/api/v1/users/*/stats/**",
        "/error",
        "/", "/favicon.ico", "/static/**", "/css/**", "/js/**", "/images/**", "/webjars/**",
        "/docs/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
    };

    /**
     * Same-origin resources only; inline styles for the API docs page (Swagger UI sets element styles);
     * no framing by anyone (clickjacking), no plugins.
     */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessTokens accessTokens, ApiTokenService apiTokens,
            SessionGuard sessions, RateLimits limits, RateLimitProperties rateLimits, List<RateLimitRejection> rejections,
            GatewayProperties gateway, JsonMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        // created here, not as beans: a Filter bean would also be registered with the servlet container
        TokenAuthenticationFilter authentication = new TokenAuthenticationFilter(accessTokens, apiTokens, sessions);
        RateLimitFilter rateLimit = new RateLimitFilter(limits, rateLimits, rejections, json);
        BodySizeLimitFilter bodySize = new BodySizeLimitFilter(gateway.maxBodySize().toBytes(), json);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(c -> c.configurationSource(cors(gateway)))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(Duration.ofDays(365).toSeconds())))
                .addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
                .addFilterAfter(rateLimit, TokenAuthenticationFilter.class)
                .addFilterAfter(bodySize, RateLimitFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/**").authenticated()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().permitAll());
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource cors(GatewayProperties gateway) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!gateway.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(gateway.corsAllowedOrigins());
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id"));
            config.setExposedHeaders(List.of("X-Request-Id", RateLimits.LIMIT, RateLimits.REMAINING, RateLimits.RESET,
                    "Retry-After", "Location"));
            // tokens travel in the Authorization header, never in cookies
            config.setAllowCredentials(false);
            config.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", config);
            source.registerCorsConfiguration("/apis/**", config);
            source.registerCorsConfiguration("/1/**", config);
        }
        return source;
    }

    /**
     * Nothing authenticates through an AuthenticationManager (the filter above verifies tokens itself); this bean
     * only stops Spring Boot from creating its default in-memory user with a generated password.
     */
    @Bean
    AuthenticationManager noAuthenticationManager() {
        return authentication -> {
            throw new ProviderNotFoundException("Tonearm authenticates with tokens only");
        };
    }
}
