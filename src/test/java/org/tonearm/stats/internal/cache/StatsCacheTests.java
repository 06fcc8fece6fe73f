package org.tonearm.stats.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tonearm.stats.StatsRange;

/** The cache's rules without a database: what is one key, what a bump and the switch do (issue 11 item 6). */
class StatsCacheTests {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicInteger computed = new AtomicInteger();

    static StatsRange range(String name, String from, String to) {
        return new StatsRange(name, Instant.parse(from), Instant.parse(to),
                new StatsRange.Period(Instant.parse(from).minusSeconds(86_400), Instant.parse(from)), ZONE, DayOfWeek.MONDAY);
    }

    StatsCache cache(boolean enabled, StatsVersions versions, Clock clock) {
        return new StatsCache(new StatsCacheProperties(enabled, 100L, Duration.ofMinutes(1)), versions, meters, clock);
    }

    Integer ask(StatsCache cache, long user, StatsRange range) {
        return cache.get(user, "overview", range, List.of(), computed::incrementAndGet);
    }

    double count(String result) {
        var c = meters.find("tonearm.stats.cache").tag("view", "overview").tag("result", result).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aBumpMakesTheNextRequestRecomputeOnlyForThatUser() {
        StatsVersions versions = new StatsVersions((org.tonearm.shared.RedisConnector) null);
        StatsCache cache = cache(true, versions, Clock.systemUTC());
        StatsRange r = range("year", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        assertThat(ask(cache, 1, r)).isEqualTo(1);
        assertThat(ask(cache, 1, r)).isEqualTo(1);
        assertThat(ask(cache, 2, r)).isEqualTo(2);
        versions.bump(1);
        assertThat(ask(cache, 1, r)).isEqualTo(3);
        assertThat(ask(cache, 2, r)).isEqualTo(2);
        assertThat(count("hit")).isEqualTo(2);
        assertThat(count("miss")).isEqualTo(3);
    }

    @Test
    void grownCreditsMakeEveryUsersNextRequestRecompute() {
        StatsVersions versions = new StatsVersions((org.tonearm.shared.RedisConnector) null);
        StatsCache cache = cache(true, versions, Clock.systemUTC());
        StatsRange r = range("year", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        assertThat(ask(cache, 1, r)).isEqualTo(1);
        assertThat(ask(cache, 2, r)).isEqualTo(2);
        versions.bumpEveryone(); // a track's credits grew (docs/api.md#credits-that-grow)
        assertThat(ask(cache, 1, r)).isEqualTo(3);
        assertThat(ask(cache, 2, r)).isEqualTo(4);
        assertThat(ask(cache, 2, r)).isEqualTo(4);
    }

    @Test
    void disabledAlwaysMissesAndComputes() {
        StatsCache cache = cache(false, new StatsVersions((org.tonearm.shared.RedisConnector) null), Clock.systemUTC());
        StatsRange r = range("year", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        assertThat(ask(cache, 1, r)).isEqualTo(1);
        assertThat(ask(cache, 1, r)).isEqualTo(2);
        assertThat(count("hit")).isZero();
        assertThat(count("miss")).isEqualTo(2);
    }

    @Test
    void aMaximumSizeOfZeroDisablesTheCacheAndANegativeOneIsRefused() {
        StatsCache cache = new StatsCache(new StatsCacheProperties(true, 0L, Duration.ofMinutes(1)),
                new StatsVersions((org.tonearm.shared.RedisConnector) null), meters, Clock.systemUTC());
        StatsRange r = range("year", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        assertThat(ask(cache, 1, r)).isEqualTo(1);
        assertThat(ask(cache, 1, r)).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StatsCacheProperties(true, -1L, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum-size");
        assertThat(new StatsCacheProperties(null, null, null)).isEqualTo(
                new StatsCacheProperties(true, 10_000L, Duration.ofMinutes(10)));
    }

    @Test
    void rangesEndingNowShareAnAnswerWithinTheirSecondOnly() {
        StatsCache cache = cache(true, new StatsVersions((org.tonearm.shared.RedisConnector) null),
                Clock.fixed(Instant.parse("2024-06-01T10:00:00Z"), ZoneOffset.UTC));
        assertThat(ask(cache, 1, range("7d", "2024-05-25T10:00:00.000Z", "2024-06-01T10:00:00.000Z"))).isEqualTo(1);
        assertThat(ask(cache, 1, range("7d", "2024-05-25T10:00:00.999Z", "2024-06-01T10:00:00.999Z"))).isEqualTo(1);
        // the next second: a listen may have slid out of (or into) the window
        assertThat(ask(cache, 1, range("7d", "2024-05-25T10:00:01.000Z", "2024-06-01T10:00:01.000Z"))).isEqualTo(2);
        // custom ranges are keyed to the millisecond
        assertThat(ask(cache, 1, range("custom", "2024-05-25T10:00:00.000Z", "2024-06-01T10:00:00.000Z"))).isEqualTo(3);
        assertThat(ask(cache, 1, range("custom", "2024-05-25T10:00:00.000Z", "2024-06-01T10:00:00.001Z"))).isEqualTo(4);
    }

    @Test
    void theKeyChangesWithTheUsersDateBecauseTheCurrentStreakDoes() {
        StatsVersions versions = new StatsVersions((org.tonearm.shared.RedisConnector) null);
        StatsRange r = range("year", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        // 22:59:59 UTC is 23:59:59 in Paris (winter); a second later it is the next day there
        MutableClock clock = new MutableClock(Instant.parse("2025-01-10T22:59:59Z"));
        StatsCache cache = cache(true, versions, clock);
        assertThat(ask(cache, 1, r)).isEqualTo(1);
        assertThat(ask(cache, 1, r)).isEqualTo(1);
        clock.now = Instant.parse("2025-01-10T23:00:00Z");
        assertThat(ask(cache, 1, r)).isEqualTo(2);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
