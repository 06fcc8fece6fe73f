package org.tonearm.stats.internal.cache;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.KeyValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tonearm.shared.RedisConnector;

/**
 * Each user's stats version, bumped after every committed change of their listens (see {@link VersionBumper}); the
 * cache key holds it, so an answer cached before a change is never found again after it.
 *
 * <p>The node's own counter is always kept. With Redis ({@code TONEARM_REDIS_URL}) the version is also a Redis
 * counter ({@code INCR}), so a write on one node invalidates every node's answers. When Redis does not answer, the
 * version is unknown ({@link #current} returns null) and the cache is bypassed: answers stay correct, only slower. A
 * bump that could not reach Redis is remembered and sent when Redis answers again, before any version is read from
 * it, so no node keeps using an answer older than that write once Redis is back.
 */
@Component
public class StatsVersions {

    private final RedisConnector redis;
    private final Map<Long, AtomicLong> local = new ConcurrentHashMap<>();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    @Autowired
    StatsVersions(ObjectProvider<RedisConnector> redis) {
        this(redis.getIfAvailable());
    }

    /** {@code redis} null: versions in this node's memory only (one node). */
    public StatsVersions(RedisConnector redis) {
        this.redis = redis;
    }

    /**
     * The version every user's version includes: bumped when something all users' answers may show changed at once —
     * a track's credits grew (docs/api.md#catalog), which changes the artist figures of every user who played it.
     * Finding exactly those users would scan the rollups of all users by track; credits grow rarely, so every user's
     * answers are recomputed instead.
     */
    private static final long EVERYONE = -1;

    /** The user's version as a key part, or null when it cannot be known now (Redis configured but unreachable). */
    public String current(long userId) {
        long mine = local.computeIfAbsent(userId, u -> new AtomicLong()).get();
        long all = local.computeIfAbsent(EVERYONE, u -> new AtomicLong()).get();
        if (redis == null) {
            return Long.toString(mine) + '/' + all;
        }
        StatefulRedisConnection<String, String> c = redis.connection();
        if (c == null || !flushPending(c)) {
            return null;
        }
        try {
            List<KeyValue<String, String>> shared = c.sync().mget(key(userId), key(EVERYONE));
            return shared.get(0).getValueOrElse("0") + '.' + mine + '/' + shared.get(1).getValueOrElse("0") + '.' + all;
        } catch (RuntimeException e) {
            redis.failed(e);
            return null;
        }
    }

    /** Invalidates every cached answer of every user, on this node and (through Redis) on every node. */
    public void bumpEveryone() {
        bump(EVERYONE);
    }

    /** Invalidates every cached answer of the user, on this node and (through Redis) on every node. */
    public void bump(long userId) {
        local.computeIfAbsent(userId, u -> new AtomicLong()).incrementAndGet();
        if (redis == null) {
            return;
        }
        pending.add(userId);
        StatefulRedisConnection<String, String> c = redis.connection();
        if (c != null) {
            flushPending(c);
        }
    }

    /** Sends the remembered bumps; false when Redis failed meanwhile (the rest stay remembered). */
    private boolean flushPending(StatefulRedisConnection<String, String> c) {
        for (Long userId : pending) {
            // removed before the INCR: a bump arriving meanwhile re-adds the user and is sent again, never lost
            if (!pending.remove(userId)) {
                continue;
            }
            try {
                c.sync().incr(key(userId));
            } catch (RuntimeException e) {
                pending.add(userId);
                redis.failed(e);
                return false;
            }
        }
        return true;
    }

    private String key(long userId) {
        return redis.keyPrefix() + "stats:v:" + (userId == EVERYONE ? "all" : Long.toString(userId));
    }
}
