package org.tonearm.identity.internal.security;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
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
 * <p>Who may call which API or protocol route is not decided here but by each route's own
 * {@link org.tonearm.identity.Access} declaration, enforced by {@link AccessInterceptor} once the request is routed
 * (docs/api.md#who-may-call-what). This chain authenticates (turns the Authorization header into a principal) and
 * guards what has no Tonearm handler: other actuator endpoints than health (metrics) need ADMIN (an admin's API
 * token works for a scraper); everything else is passed on, so unknown paths get the problem+json 404.
 * Decision: an unknown {@code /api/v1} path answers 404 to everyone (the route table is public in the OpenAPI
 * document, so hiding it behind a 401 protected nothing).
 *
 * <p>Headers (docs/api.md#gateway): CSP, {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, a referrer
 * policy, and HSTS on HTTPS requests (behind a proxy: {@code X-Forwarded-Proto} from a trusted proxy,
 * {@code server.forward-headers-strategy=native}); CORS only for the configured origins.
 */
// web-only: the CLI and benchmarks start the application without a web server
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Actuator health is public (load balancers, docs/operations.md); the other actuator endpoints are not. */
    private static final String[] PUBLIC_ACTUATOR = {"/actuator/health", "/actuator/health/**"};

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
                        .requestMatchers(PUBLIC_ACTUATOR).permitAll()
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
