package org.tonearm.integrations.internal.connection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.integrations.connections.*} (docs/operations.md#external-services): how the connection scheduler
 * runs. Tests and the benchmark shorten the timings.
 *
 * @param enabled        false: no background syncs on this node (sync now still works)
 * @param pollInterval   how often the scheduler looks for due connections (1 s); a due connection waits at most this
 *                       long past its next_sync_at, so it bounds the sync lag beyond the provider's poll interval
 * @param lease          how long a claim holds (2 min): a node that died mid-sync lets go of its connections then
 * @param concurrency    syncs in flight per service on this node (16): a slow service fills only its own slots
 * @param retryAfterError when a failed step is tried again at the earliest (30 s: the breaker's open time), or later
 *                       when the service asked for more (Retry-After)
 */
@ConfigurationProperties("tonearm.integrations.connections")
public record ConnectionsProperties(Boolean enabled, Duration pollInterval, Duration lease, Integer concurrency,
        Duration retryAfterError) {

    public ConnectionsProperties {
        enabled = enabled == null || enabled;
        pollInterval = positive(pollInterval, Duration.ofSeconds(1));
        lease = positive(lease, Duration.ofMinutes(2));
        concurrency = concurrency == null || concurrency < 1 ? 16 : concurrency;
        retryAfterError = positive(retryAfterError, Duration.ofSeconds(30));
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
