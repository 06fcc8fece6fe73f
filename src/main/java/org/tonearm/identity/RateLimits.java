package org.tonearm.identity;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The gateway's rate limiter (docs/api.md#gateway: token buckets per token and per IP; in memory on one node, shared through
 * Redis when {@code TONEARM_REDIS_URL} is set). Every request passes the gateway filter, compatibility paths
 * included; modules may also take tokens for their own keys (a compat protocol's per-session limit, say).
 */
public interface RateLimits {

    String LIMIT = "X-RateLimit-Limit";
    String REMAINING = "X-RateLimit-Remaining";
    /** Epoch seconds at which the bucket is full again (the GitHub and ListenBrainz convention). */
    String RESET = "X-RateLimit-Reset";

    /** Takes one token from the bucket of {@code policy} for {@code key}. Never throws: fails open to memory. */
    RateLimitDecision consume(String key, RateLimitPolicy policy);

    /** Writes the {@code X-RateLimit-*} headers (and {@code Retry-After} when refused). */
    static void writeHeaders(HttpServletResponse response, RateLimitDecision d) {
        response.setHeader(LIMIT, Long.toString(d.limit()));
        response.setHeader(REMAINING, Long.toString(d.remaining()));
        response.setHeader(RESET, Long.toString(d.resetEpochSeconds()));
        if (!d.allowed()) {
            response.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
        }
    }
}
