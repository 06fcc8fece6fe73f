package org.tonearm.identity.internal.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.tonearm.identity.RateLimitDecision;
import org.tonearm.identity.RateLimitPolicy;

/** Buckets in this node's memory: the single-node default and the fallback while Redis is unreachable. */
final class InMemoryBuckets {

    /** An idle bucket refills completely within its period, so forgetting it after a while changes nothing. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(1_000_000)
            .build();

    RateLimitDecision consume(String key, RateLimitPolicy policy, long now) {
        Bucket bucket = buckets.get(policy.name() + ':' + key, k -> new Bucket(policy.capacity(), now));
        return bucket.take(now, policy);
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }

        synchronized RateLimitDecision take(long now, RateLimitPolicy policy) {
            tokens = TokenBucket.refill(tokens, updatedAt, now, policy);
            updatedAt = Math.max(updatedAt, now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            return TokenBucket.decision(allowed, tokens, now, policy);
        }
    }
}
