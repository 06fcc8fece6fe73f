package org.tonearm.identity.internal.ratelimit;

import org.tonearm.shared.RedisConnector;
import org.tonearm.shared.RedisProperties;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis only when {@code tonearm.redis.url} is set; its health shows as the {@code redis} component. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tonearm.redis", name = "url")
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    RedisConnector redisConnector(RedisProperties properties) {
        return new RedisConnector(properties);
    }

    /** DOWN when Redis does not answer PING in time; requests keep working on in-memory limits meanwhile. */
    @Bean("redisHealthIndicator")
    HealthIndicator redis(RedisConnector connector) {
        return () -> {
            StatefulRedisConnection<String, String> c = connector.connection();
            if (c == null) {
                return Health.down().withDetail("reason", "unreachable (retried in the background)")
                        .withDetail("fallback", "in-memory rate limits").build();
            }
            long start = System.nanoTime();
            try {
                String pong = c.sync().ping();
                return Health.up().withDetail("ping", pong)
                        .withDetail("round_trip_ms", (System.nanoTime() - start) / 1_000_000.0).build();
            } catch (RuntimeException e) {
                connector.failed(e);
                return Health.down().withDetail("reason", "no answer to PING within " + connector.timeout().toMillis() + " ms")
                        .withDetail("error", e.getClass().getSimpleName())
                        .withDetail("fallback", "in-memory rate limits").build();
            }
        };
    }
}
