package org.tonearm.identity.internal.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce connection (thread-safe, multiplexed) with short timeouts. Commands fail fast while disconnected
 * ({@code REJECT_COMMANDS}) instead of queueing, and after a failure callers skip Redis for {@link #BACKOFF}
 * so an outage costs one timeout per few seconds, not one per request. Lettuce reconnects on its own.
 */
public final class RedisConnector {

    static final Duration BACKOFF = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);

    private final RedisClient client;
    private final Duration timeout;
    private final String keyPrefix;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long skipUntil;

    public RedisConnector(RedisProperties properties) {
        this.timeout = properties.timeout();
        this.keyPrefix = properties.keyPrefix();
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(CONNECT_TIMEOUT.compareTo(timeout) > 0 ? CONNECT_TIMEOUT : timeout);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                // connecting may take longer than a command (TLS, a busy host); it happens at start and on reconnects,
                // not per request
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build());
        connection(); // eagerly, so the first request does not pay for the connect
    }

    /** The connection, or null while Redis is considered down. */
    public StatefulRedisConnection<String, String> connection() {
        if (System.currentTimeMillis() < skipUntil) {
            return null;
        }
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (connection == null) {
                try {
                    connection = client.connect();
                } catch (RuntimeException e) {
                    failed(e);
                    return null;
                }
            }
            return connection;
        }
    }

    /** Remember a failure: skip Redis for a moment. */
    public void failed(Exception e) {
        if (System.currentTimeMillis() >= skipUntil) {
            log.warn("Redis unavailable, using in-memory rate limits for now: {}", e.toString());
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
    }
}
