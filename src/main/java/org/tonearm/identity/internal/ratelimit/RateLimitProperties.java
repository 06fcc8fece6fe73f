package org.tonearm.identity.internal.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tonearm.identity.RateLimitPolicy;

/**
 * {@code tonearm.rate-limit.*} (e.g. {@code TONEARM_RATE_LIMIT_PER_TOKEN_CAPACITY}).
 *
 * @param enabled    off: no limits and no headers (benchmarks, trusted single-user setups)
 * @param perToken   bucket per credential (JWT or API token) of an authenticated request
 * @param perIp      bucket per client address of an anonymous request
 * @param loginPerIp bucket per client address for login and registration attempts (docs/api.md#gateway per-IP login limit)
 */
@ConfigurationProperties("tonearm.rate-limit")
public record RateLimitProperties(Boolean enabled, Bucket perToken, Bucket perIp, Bucket loginPerIp) {

    public record Bucket(Long capacity, Duration period) {
        RateLimitPolicy policy(String name, long defaultCapacity, Duration defaultPeriod) {
            return new RateLimitPolicy(name, capacity == null ? defaultCapacity : capacity,
                    period == null ? defaultPeriod : period);
        }
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    /** 10 requests a second sustained, bursts of 600: generous for scrobblers, a wall for runaway scripts. */
    public RateLimitPolicy tokenPolicy() {
        return bucket(perToken).policy("token", 600, Duration.ofMinutes(1));
    }

    public RateLimitPolicy ipPolicy() {
        return bucket(perIp).policy("ip", 300, Duration.ofMinutes(1));
    }

    public RateLimitPolicy loginPolicy() {
        return bucket(loginPerIp).policy("login", 30, Duration.ofMinutes(1));
    }

    private static Bucket bucket(Bucket b) {
        return b == null ? new Bucket(null, null) : b;
    }
}
