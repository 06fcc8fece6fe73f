package org.tonearm.identity.internal.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.RateLimitDecision;
import org.tonearm.identity.RateLimitPolicy;
import org.tonearm.identity.RateLimitRejection;
import org.tonearm.identity.RateLimits;
import org.tonearm.identity.internal.token.TokenSecrets;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.internal.web.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's rate limit on every request (docs/api.md#gateway), after authentication: an authenticated request spends from
 * the bucket of its credential (so one client cannot starve a user's others), an anonymous one from its IP's.
 * Health probes are exempt. Refused requests get 429 with {@code Retry-After}: problem+json, or the protocol's own
 * format where a {@link RateLimitRejection} claims the path.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final RateLimitProperties properties;
    private final List<RateLimitRejection> rejections;
    private final JsonMapper json;

    public RateLimitFilter(RateLimits limits, RateLimitProperties properties, List<RateLimitRejection> rejections,
            JsonMapper json) {
        this.limits = limits;
        this.properties = properties;
        this.rejections = rejections;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !properties.isEnabled() || path.equals("/health") || path.startsWith("/health/")
                || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitDecision decision = decide(request);
        RateLimits.writeHeaders(response, decision);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        for (RateLimitRejection rejection : rejections) {
            if (rejection.handles(request)) {
                rejection.reject(request, response, decision);
                return;
            }
        }
        response.setStatus(429);
        response.setContentType(ProblemDetailsAdvice.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ProblemDetailsAdvice.body(429, ErrorCode.RATE_LIMIT_EXCEEDED,
                "Too many requests; retry after " + decision.retryAfterSeconds() + " s", List.of(), request.getRequestURI()));
    }

    private RateLimitDecision decide(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser) {
            // keyed by a digest of the credential itself: per token, and the secret never sits in memory or Redis
            String credential = request.getHeader(HttpHeaders.AUTHORIZATION);
            return limits.consume(TokenSecrets.sha256Hex(credential), properties.tokenPolicy());
        }
        RateLimitPolicy ip = properties.ipPolicy();
        return limits.consume(request.getRemoteAddr(), ip);
    }
}
