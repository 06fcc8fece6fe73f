package org.tonearm.identity.internal.ratelimit;

import org.tonearm.shared.RedisConnector;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.tonearm.identity.RateLimitDecision;
import org.tonearm.identity.RateLimitPolicy;

/**
 * Buckets shared by every node in Redis: one hash per bucket ({@code t} tokens, {@code u} last update), updated
 * atomically by a Lua script that uses Redis's own clock, so nodes with skewed clocks still share one budget.
 */
final class RedisBuckets {


    /** The Lua port of {@link TokenBucket}. Returns {allowed, tokens left (string: Lua numbers lose fractions), now}. */
    static final String SCRIPT = """
            local cap = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local s = redis.call('HMGET', KEYS[1], 't', 'u')
            local tokens = tonumber(s[1])
            local updated = tonumber(s[2])
            if tokens == nil or updated == nil then tokens = cap; updated = now end
            if now > updated then tokens = math.min(cap, tokens + (now - updated) * cap / period) else now = updated end
            local allowed = 0
            if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
            redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(now))
            redis.call('PEXPIRE', KEYS[1], period * 2)
            return {allowed, tostring(tokens), now}
            """;

    private final RedisConnector redis;

    RedisBuckets(RedisConnector redis) {
        this.redis = redis;
    }

    /** The decision, or null when Redis did not answer (the caller falls back to memory). */
    RateLimitDecision consume(String key, RateLimitPolicy policy) {
        StatefulRedisConnection<String, String> c = redis.connection();
        if (c == null) {
            return null;
        }
        try {
            List<Object> reply = c.sync().eval(SCRIPT, ScriptOutputType.MULTI, new String[] {redis.keyPrefix() + "rl:" + policy.name() + ':' + key},
                    Long.toString(policy.capacity()), Long.toString(policy.period().toMillis()));
            boolean allowed = ((Long) reply.get(0)) == 1L;
            double tokens = Double.parseDouble((String) reply.get(1));
            long now = (Long) reply.get(2);
            return TokenBucket.decision(allowed, tokens, now, policy);
        } catch (RuntimeException e) {
            redis.failed(e);
            return null;
        }
    }
}
