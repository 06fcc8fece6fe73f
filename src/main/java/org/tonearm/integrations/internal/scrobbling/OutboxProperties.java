package org.tonearm.integrations.internal.scrobbling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.integrations.outbox.*} (docs/operations.md#external-services): the mirror outbox's sender.
 *
 * @param pollInterval how often the sender looks for due rows (5 s)
 * @param backoffBase the wait after a row's first failed attempt; doubled per further attempt (30 s)
 * @param backoffCap the longest wait between two attempts (1 h)
 * @param inFlightLease how long a claimed row may stay unacknowledged before it counts as a crash between send and
 *        acknowledge and is recovered (5 min; longer than any send with its retries)
 */
@ConfigurationProperties("tonearm.integrations.outbox")
public record OutboxProperties(Boolean enabled, Duration pollInterval, Duration backoffBase, Duration backoffCap,
        Duration inFlightLease) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        pollInterval = positive(pollInterval, Duration.ofSeconds(5));
        backoffBase = positive(backoffBase, Duration.ofSeconds(30));
        backoffCap = positive(backoffCap, Duration.ofHours(1));
        inFlightLease = positive(inFlightLease, Duration.ofMinutes(5));
    }

    /** Capped exponential backoff with ±25 % jitter: base × 2^(attempt−1), never above the cap. */
    public Duration backoff(int attempt, double random) {
        double factor = Math.pow(2, Math.max(0, Math.min(attempt - 1, 30)));
        double ms = Math.min(backoffCap.toMillis(), backoffBase.toMillis() * factor);
        return Duration.ofMillis(Math.round(Math.min(backoffCap.toMillis(), ms * (0.75 + random * 0.5))));
    }

    private static Duration positive(Duration d, Duration fallback) {
        return d == null || d.isZero() || d.isNegative() ? fallback : d;
    }
}
