package org.tonearm.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.redis.url} ({@code TONEARM_REDIS_URL}, e.g. {@code redis://127.0.0.1:6379}): when set, rate-limit
 * buckets and the stats cache's per-user versions are shared by every node through Redis. {@code timeout} bounds every Redis call: a slow Redis must
 * not slow requests down, the limiter falls back to memory and the stats cache is bypassed instead. {@code keyPrefix} separates instances (or
 * test runs) sharing one Redis.
 */
@ConfigurationProperties("tonearm.redis")
public record RedisProperties(String url, Duration timeout, String keyPrefix) {

    public RedisProperties {
        if (keyPrefix == null || keyPrefix.isBlank()) {
            keyPrefix = "tonearm:";
        }
        if (timeout == null) {
            timeout = Duration.ofMillis(250);
        }
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
