package org.tonearm.stats.internal.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.stats.cache.*} (issue 11 item 6): {@code enabled} (default true; the benchmark switches it off to
 * measure the uncached path), {@code maximum-size} answers kept per node (default 10,000) and {@code ttl}, how long
 * an unused answer stays (default 10 minutes). The TTL only bounds memory: freshness comes from the per-user
 * version in the key, never from expiry.
 */
@ConfigurationProperties("tonearm.stats.cache")
public record StatsCacheProperties(Boolean enabled, Long maximumSize, Duration ttl) {

    public StatsCacheProperties {
        if (enabled == null) {
            enabled = true;
        }
        if (maximumSize == null) {
            maximumSize = 10_000L;
        }
        if (maximumSize < 0) {
            throw new IllegalArgumentException("tonearm.stats.cache.maximum-size must be 0 or more");
        }
        if (ttl == null) {
            ttl = Duration.ofMinutes(10);
        }
    }
}
