package org.tonearm.web.internal.live;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tonearm.shared.RedisConnector;

/**
 * The live updates of every node (docs/web.md#live-updates), when Redis is configured ({@code TONEARM_REDIS_URL}): a
 * change on this node is published on one Redis channel ({@code <prefix>live}) as {@code "<node> <user> <event>"} —
 * names only, never data, as on the stream itself — and every other node's subscriber hands it to its own streams.
 * A node ignores its own messages: it has already told its streams, in process, so Redis being down costs no local
 * update. Publishing is asynchronous on the shared connection (never blocks the ingest that committed); the
 * subscription has a connection of its own, made off the startup path and retried until Redis answers, and Lettuce
 * re-subscribes it after a reconnect.
 */
final class LiveFanOut {

    static final Duration RETRY = Duration.ofSeconds(2);
    private static final Set<String> EVENTS = Set.of("listens", "nowplaying");
    private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

    private final RedisConnector redis;
    private final String channel;
    private final String node = UUID.randomUUID().toString();
    private final BiConsumer<Long, String> deliver;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean closed;
    private boolean warned;

    /** {@code deliver(user, event)} tells this node's streams of the user; called on Redis' I/O thread, must be quick. */
    LiveFanOut(RedisConnector redis, BiConsumer<Long, String> deliver) {
        this.redis = redis;
        this.channel = redis.keyPrefix() + "live";
        this.deliver = deliver;
        // a thread of its own: a connect attempt waits up to the connect timeout, which must delay no local update
        Thread.ofVirtual().name("web-live-subscribe").start(this::subscribeUntilDone);
    }

    /** Whether this node receives the other nodes' changes now (tests, the docs' failure case). */
    boolean subscribed() {
        StatefulRedisPubSubConnection<String, String> s = subscription;
        return s != null && s.isOpen();
    }

    /** Tells the other nodes; a failure only costs them this update (their next event or reload shows it). */
    void publish(long userId, String event) {
        StatefulRedisConnection<String, String> c = redis.connection();
        if (c == null) {
            return;
        }
        try {
            c.async().publish(channel, node + ' ' + userId + ' ' + event).exceptionally(e -> {
                redis.failed(e instanceof Exception x ? x : new RuntimeException(e));
                return null;
            });
        } catch (RuntimeException e) {
            redis.failed(e);
        }
    }

    private void subscribeUntilDone() {
        while (!closed && !subscribe()) {
            try {
                Thread.sleep(RETRY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean subscribe() {
        StatefulRedisPubSubConnection<String, String> c = null;
        try {
            c = redis.connectPubSub();
            c.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    received(message);
                }
            });
            c.sync().subscribe(channel);
            subscription = c;
            if (closed) {
                c.close();
            }
            return true;
        } catch (RuntimeException e) {
            if (c != null) {
                c.closeAsync();
            }
            if (!warned) { // once per outage, not every retry
                warned = true;
                log.warn("Redis unavailable for the live updates of other nodes, retrying every {}: {}", RETRY, e.toString());
            }
            return false;
        }
    }

    /** {@code "<node> <user> <event>"}; anything else (another version, a stray publisher) is ignored. */
    void received(String message) {
        String[] parts = message.split(" ");
        if (parts.length != 3 || parts[0].equals(node) || !EVENTS.contains(parts[2])) {
            return;
        }
        try {
            deliver.accept(Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            // not ours
        }
    }

    void close() {
        closed = true;
        StatefulRedisPubSubConnection<String, String> s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
