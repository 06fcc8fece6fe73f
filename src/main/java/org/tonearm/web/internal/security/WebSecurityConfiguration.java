package org.tonearm.web.internal.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.tonearm.identity.WebAccounts;

/**
 * The web pages' security chain (docs/web.md), ordered before the API's and matching only {@link WebPaths#ALL}, so
 * the API's stateless token chain (identity's SecurityConfiguration) is unchanged for every other path.
 *
 * <ul>
 *   <li>Login: a session cookie (HttpOnly, SameSite=Lax, Secure on HTTPS — application.yaml), set by the login form
 *       ({@link WebAuthenticationProvider}: username or email) or by {@link WebSignIn}; re-checked on every request
 *       ({@link WebSessionCheck}).</li>
 *   <li>CSRF: Spring Security's synchronizer token in the session on every POST/PUT/PATCH/DELETE; forms carry it as a
 *       hidden field (Thymeleaf adds it to {@code th:action} forms), htmx requests as the {@code X-CSRF-TOKEN}
 *       header ({@code /js/app.js} reads the page's {@code _csrf} meta tag).</li>
 *   <li>Headers: a strict CSP without inline script or style ({@code /js/*.js}, {@code /css/app.css}), no framing,
 *       the API's referrer policy and HSTS.</li>
 *   <li>An anonymous request to a page goes to {@code /login}; an htmx request gets 401 with {@code HX-Redirect}
 *       instead, so htmx navigates the whole page rather than swapping a login form into a fragment.</li>
 * </ul>
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    /** No inline script or style anywhere, no other host (issue #12: everything is served by Tonearm). */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webSecurity(HttpSecurity http, WebAccounts accounts) throws Exception {
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        http.securityMatcher(WebPaths.ALL)
                .authenticationManager(new ProviderManager(new WebAuthenticationProvider(accounts)))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("login").passwordParameter("password")
                        .defaultSuccessUrl("/", true).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("TONEARM_SESSION").invalidateHttpSession(true))
                .addFilterAfter(new WebSessionCheck(accounts), SecurityContextHolderFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(Duration.ofDays(365).toSeconds())))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
                    if (request.getHeader("HX-Request") != null) {
                        response.setHeader("HX-Redirect", "/login");
                        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        toLogin.commence(request, response, failure);
                    }
                }).accessDeniedHandler((request, response, denied) -> {
                    // a page, not the API's problem+json (docs/web.md#errors); htmx gets the bare status
                    if (request.getHeader("HX-Request") != null) {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    } else {
                        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                        request.getRequestDispatcher("/ui/error/403").forward(request, response);
                    }
                }))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        // the completion of a request already authorized (the dashboard's event stream, which ends
                        // when its session ends: logout would otherwise deny the stream's own completion)
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(WebPaths.PUBLIC_PAGES).permitAll()
                        .requestMatchers(WebPaths.ADMIN_PAGES).hasRole("ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }
}
