package org.tonearm.shared;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis connection shared by the rate limiter (identity), the stats cache versions (stats) and the web's live
 * updates (pub/sub). One Lettuce connection (thread-safe, multiplexed) with short timeouts. Commands fail fast while disconnected
 * ({@code REJECT_COMMANDS}) instead of queueing, and after a failure callers skip Redis for {@link #BACKOFF}
 * so an outage costs one timeout per few seconds, not one per request. Lettuce reconnects on its own.
 */
public final class RedisConnector {

    static final Duration BACKOFF = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);

    private final ClientResources resources;
    private final RedisClient client;
    /** A connect in progress on a background thread, so no request ever waits for one (issue #16). */
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final Duration timeout;
    private final String keyPrefix;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long skipUntil;

    public RedisConnector(RedisProperties properties) {
        this.timeout = properties.timeout();
        this.keyPrefix = properties.keyPrefix();
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(CONNECT_TIMEOUT.compareTo(timeout) > 0 ? CONNECT_TIMEOUT : timeout);
        // Lettuce's default reconnect back-off grows to 30 s: after a long outage the node would use in-memory limits
        // (and report Redis DOWN) for up to 30 s after Redis is back. Capped at 1 s (issue #16: UP again by itself).
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                // connecting may take longer than a command (TLS, a busy host); it happens at start and on reconnects,
                // not per request
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build());
        connect(); // eagerly, so the first request does not pay for the connect
    }

    /**
     * The connection, or null while Redis is considered down. Never blocks: once made, Lettuce reconnects the
     * connection by itself (and rejects commands at once while disconnected); a first connection that failed at
     * start is retried on a background thread.
     */
    public StatefulRedisConnection<String, String> connection() {
        if (System.currentTimeMillis() < skipUntil) {
            return null;
        }
        StatefulRedisConnection<String, String> c = connection;
        if (c == null && connecting.compareAndSet(false, true)) {
            Thread.ofVirtual().name("redis-connect").start(() -> {
                try {
                    connect();
                } finally {
                    connecting.set(false);
                }
            });
        }
        return c;
    }

    private void connect() {
        try {
            connection = client.connect();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * A new pub/sub connection (a subscribed connection runs no other command, so it cannot be the shared one), with
     * the same client settings: timeouts, fail-fast while disconnected, the 1 s reconnect cap. Lettuce re-subscribes
     * its channels after a reconnect. Blocks up to the connect timeout and throws when Redis cannot be reached: call
     * it off the request path (the web's live updates do, docs/web.md#live-updates).
     */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return client.connectPubSub();
    }

    /** Remember a failure: skip Redis for a moment. */
    public void failed(Exception e) {
        if (System.currentTimeMillis() >= skipUntil) {
            log.warn("Redis unavailable, falling back to memory (rate limits, stats cache versions, live updates) for now: {}", e.toString());
        }
        skipUntil = System.currentTimeMillis() + BACKOFF.toMillis();
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public Duration timeout() {
        return timeout;
    }

    @PreDestroy
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
