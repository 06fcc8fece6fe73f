package org.tonearm.identity.internal.ratelimit;

import org.tonearm.identity.RateLimitDecision;
import org.tonearm.identity.RateLimitPolicy;

/**
 * The token-bucket arithmetic, shared by the in-memory buckets and (as a Lua port) the Redis script:
 * the bucket refills continuously at capacity/period and holds at most capacity tokens.
 */
final class TokenBucket {

    private TokenBucket() {}

    static double refill(double tokens, long updatedAt, long now, RateLimitPolicy policy) {
        double rate = (double) policy.capacity() / policy.period().toMillis();
        return Math.min(policy.capacity(), tokens + Math.max(0, now - updatedAt) * rate);
    }

    /** The decision after a take; {@code tokensLeft} is the bucket after the take (or unchanged when refused). */
    static RateLimitDecision decision(boolean allowed, double tokensLeft, long now, RateLimitPolicy policy) {
        double msPerToken = (double) policy.period().toMillis() / policy.capacity();
        long fullAt = now + (long) Math.ceil((policy.capacity() - tokensLeft) * msPerToken);
        long retryAfterMs = allowed ? 0 : (long) Math.ceil((1 - tokensLeft) * msPerToken);
        return new RateLimitDecision(allowed, policy.capacity(), (long) Math.floor(tokensLeft),
                Math.ceilDiv(fullAt, 1000), allowed ? 0 : Math.max(1, Math.ceilDiv(retryAfterMs, 1000)));
    }
}
