package org.tonearm.compat.listenbrainz;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every ListenBrainz endpoint is rate limited (ListenBrainz's {@code @ratelimit()}): per valid token (here: per
 * token owner), else per client IP. Every answer carries the X-RateLimit-* headers clients pace themselves by
 * (ListenBrainz API docs, "Rate limiting"); over the limit the answer is 429 in ListenBrainz's error format.
 * Also adds ListenBrainz's permissive CORS header: the API is token-authenticated, never by cookie.
 */
class ListenBrainzRateLimitInterceptor implements HandlerInterceptor {

    static final String OVER_LIMIT = "You have exceeded your rate limit. See the X-RateLimit-* response headers for "
            + "more information on your current rate limit.";

    private final ListenBrainzRateLimiter limiter;
    private final ListenBrainzAuth auth;
    private final ListenBrainzProperties limits;
    private final JsonMapper json;

    ListenBrainzRateLimitInterceptor(ListenBrainzRateLimiter limiter, ListenBrainzAuth auth,
            ListenBrainzProperties limits, JsonMapper json) {
        this.limiter = limiter;
        this.auth = auth;
        this.limits = limits;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        if ("OPTIONS".equals(request.getMethod())) {
            return true;
        }
        var user = auth.authenticated();
        ListenBrainzRateLimiter.Decision d = user.isPresent()
                ? limiter.acquire("token:" + user.get().id(), limits.perTokenLimit())
                : limiter.acquire("ip:" + request.getRemoteAddr(), limits.perIpLimit());
        response.setHeader("Access-Control-Expose-Headers",
                "X-RateLimit-Remaining,X-RateLimit-Limit,X-RateLimit-Reset,X-RateLimit-Reset-In");
        response.setHeader("X-RateLimit-Remaining", Integer.toString(d.remaining()));
        response.setHeader("X-RateLimit-Limit", Integer.toString(d.limit()));
        response.setHeader("X-RateLimit-Reset", Long.toString(d.resetEpochSeconds()));
        response.setHeader("X-RateLimit-Reset-In", Long.toString(d.resetInSeconds()));
        if (!d.overLimit()) {
            return true;
        }
        response.setStatus(429);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("code", 429, "error", OVER_LIMIT));
        return false;
    }
}
