package org.tonearm.identity.internal.ratelimit;

import org.tonearm.shared.RedisConnector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tonearm.identity.RateLimitDecision;
import org.tonearm.identity.RateLimitPolicy;
import org.tonearm.identity.RateLimits;

/** {@link RateLimits}: Redis buckets when configured and reachable, else this node's memory (docs/api.md#gateway). */
@Service
class TokenBucketRateLimits implements RateLimits {

    private final InMemoryBuckets memory = new InMemoryBuckets();
    private final RedisBuckets redis;

    TokenBucketRateLimits(ObjectProvider<RedisConnector> redis) {
        RedisConnector connector = redis.getIfAvailable();
        this.redis = connector == null ? null : new RedisBuckets(connector);
    }

    @Override
    public RateLimitDecision consume(String key, RateLimitPolicy policy) {
        if (redis != null) {
            RateLimitDecision shared = redis.consume(key, policy);
            if (shared != null) {
                return shared;
            }
        }
        return memory.consume(key, policy, System.currentTimeMillis());
    }
}
