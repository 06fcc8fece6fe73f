package org.tonearm.compat.listenbrainz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ListenBrainz's rate limit (brainzutils ratelimit): a counter per key in fixed windows aligned to multiples of
 * the window length; a request is over the limit when the window's count exceeds the limit. In memory, per node.
 * Kept in the compat package until a shared limiter (docs/api.md#gateway gateway, Redis for clusters) exists.
 */
class ListenBrainzRateLimiter {

    /** What the X-RateLimit-* headers report for one request. */
    record Decision(int limit, int remaining, long resetEpochSeconds, long resetInSeconds, boolean overLimit) {}

    private record Window(long resetEpochSeconds, AtomicInteger count) {}

    private final int windowSeconds;
    private final Clock clock;
    private final Cache<String, Window> windows;

    ListenBrainzRateLimiter(int windowSeconds, Clock clock) {
        this.windowSeconds = windowSeconds;
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofSeconds(windowSeconds * 2L))
                .maximumSize(100_000)
                .build();
    }

    Decision acquire(String key, int limit) {
        long now = clock.millis() / 1000;
        long reset = (now / windowSeconds) * windowSeconds + windowSeconds;
        Window window = windows.asMap().compute(key,
                (k, w) -> w == null || w.resetEpochSeconds() != reset ? new Window(reset, new AtomicInteger()) : w);
        int current = window.count().incrementAndGet();
        return new Decision(limit, Math.max(limit - current, 0), reset, reset - now, current > limit);
    }
}
