package org.tonearm.identity.internal.security;

import jakarta.servlet.DispatcherType;
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
import org.tonearm.identity.internal.token.AccessTokens;
import org.tonearm.identity.internal.token.ApiTokenService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's security: stateless, token-authenticated, no CSRF (no cookies are read, so there is nothing for a
 * cross-site request to ride on; the web UI's session cookie + CSRF protection of SPEC §2 will get its own chain).
 *
 * <p>Access rules:
 * <ul>
 *   <li>public: register, login, refresh; health; the compatibility protocols ({@code /apis/**} ListenBrainz,
 *       {@code /1/**} ListenBrainz, {@code /2.0/**} Last.fm), which authenticate their own way and answer in their
 *       own error formats; {@code /error}; static files and API docs;</li>
 *   <li>everything else under {@code /api/v1/**}: authenticated. Decision: an unknown {@code /api/v1} path
 *       answers 401 to an anonymous caller (authorization runs before routing, and it does not reveal which
 *       endpoints exist); an authenticated caller gets the problem+json 404;</li>
 *   <li>other actuator endpoints (metrics): ADMIN (an admin's API token works for a scraper);</li>
 *   <li>any other path (web pages, unknown paths): passed on, so unknown routes still get the problem+json 404.</li>
 * </ul>
 */
// web-only: the CLI and benchmarks start the application without a web server
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] PUBLIC = {
        "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
        "/health", "/health/**", "/actuator/health", "/actuator/health/**",
        "/apis/**", "/1/**", "/2.0/**",
        "/error",
        "/", "/favicon.ico", "/static/**", "/css/**", "/js/**", "/images/**", "/webjars/**",
        "/docs/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
    };

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessTokens accessTokens, ApiTokenService apiTokens,
            JsonMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // created here, not as a bean: a Filter bean would also be registered with the servlet container
                .addFilterBefore(new TokenAuthenticationFilter(accessTokens, apiTokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/api/v1/**").authenticated()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().permitAll());
        return http.build();
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
