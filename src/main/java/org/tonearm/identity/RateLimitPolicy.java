package org.tonearm.identity;

import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests at once, refilled evenly so that {@code capacity} more are allowed per
 * {@code period}. {@code name} separates the buckets of different policies for one key.
 */
public record RateLimitPolicy(String name, long capacity, Duration period) {

    public RateLimitPolicy {
        if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 1 and a positive period");
        }
    }
}
