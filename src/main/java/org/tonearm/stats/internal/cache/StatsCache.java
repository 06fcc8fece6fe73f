package org.tonearm.stats.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tonearm.stats.StatsRange;

/**
 * Stats answers cached in this node's memory (Caffeine), keyed by (user, {@link StatsVersions version}, view,
 * parameters, resolved range, today's date in the user's zone). Counts {@code tonearm.stats.cache} with tags
 * {@code view} and {@code result=hit|miss} (a bypass while the version is unknown counts as a miss). The answers
 * are the façade's immutable records, so a hit hands out the same instance.
 *
 * <p>Ranges that end "now" ({@code today}, {@code 7d}, {@code all_time}, …) resolve to a new {@code to} on every
 * request; the key holds their bounds truncated to the second (see the package documentation of
 * {@code org.tonearm.stats}), so such an answer is reused for at most one second.
 */
@Component
public class StatsCache {

    private final boolean enabled;
    private final Cache<Key, Object> answers;
    private final StatsVersions versions;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    @Autowired
    StatsCache(StatsCacheProperties properties, StatsVersions versions, MeterRegistry registry) {
        this(properties, versions, registry, Clock.systemUTC());
    }

    StatsCache(StatsCacheProperties properties, StatsVersions versions, MeterRegistry registry, Clock clock) {
        this.enabled = properties.enabled() && properties.maximumSize() > 0;
        this.answers = Caffeine.newBuilder().maximumSize(properties.maximumSize())
                .expireAfterAccess(properties.ttl()).build();
        this.versions = versions;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The cached answer of {@code view} for the user, range and parameters, or {@code compute}'s (then cached). The
     * version is read before {@code compute} opens its snapshot: see {@link VersionBumper} for why that order matters.
     */
    public <T> T get(long userId, String view, StatsRange range, List<?> params, Supplier<T> compute) {
        return get(version(userId), userId, view, range, params, compute);
    }

    /**
     * The user's version as {@link #get(String, long, String, StatsRange, List, Supplier)} needs it, or null (cache
     * off or version unknown: compute without caching). Read it before the snapshot that the range is resolved in
     * opens ({@link VersionBumper}).
     */
    public String version(long userId) {
        return enabled ? versions.current(userId) : null;
    }

    /** As {@link #get(long, String, StatsRange, List, Supplier)} with a {@link #version} read earlier. */
    @SuppressWarnings("unchecked")
    public <T> T get(String version, long userId, String view, StatsRange range, List<?> params, Supplier<T> compute) {
        if (version == null) {
            count(view, false);
            return compute.get();
        }
        Key key = new Key(userId, version, view, params, rangeKey(range));
        Object cached = answers.getIfPresent(key);
        if (cached != null) {
            count(view, true);
            return (T) cached;
        }
        count(view, false);
        T answer = compute.get();
        answers.put(key, answer);
        return answer;
    }

    private List<Object> rangeKey(StatsRange range) {
        if (range == null) {
            return List.of();
        }
        Instant from = range.from();
        Instant to = range.to();
        StatsRange.Period previous = range.previous();
        if (!"custom".equals(range.name())) {
            // named ranges have local-midnight bounds or "now": truncation only merges the "now" ones of one second
            from = from.truncatedTo(ChronoUnit.SECONDS);
            to = to.truncatedTo(ChronoUnit.SECONDS);
            previous = previous == null ? null : new StatsRange.Period(previous.from().truncatedTo(ChronoUnit.SECONDS),
                    previous.to().truncatedTo(ChronoUnit.SECONDS));
        }
        // the current streak (overview, streaks) counts back from today, whatever the range
        LocalDate today = LocalDate.ofInstant(clock.instant(), range.zone());
        return java.util.Arrays.asList(range.name(), from, to, previous, range.zone(), range.weekStart(), today);
    }

    private void count(String view, boolean hit) {
        Counter[] pair = counters.computeIfAbsent(view, v -> new Counter[] {
            Counter.builder("tonearm.stats.cache").description("Stats answers served from the cache (hit) or computed (miss)")
                    .tag("view", v).tag("result", "hit").register(registry),
            Counter.builder("tonearm.stats.cache").description("Stats answers served from the cache (hit) or computed (miss)")
                    .tag("view", v).tag("result", "miss").register(registry)});
        pair[hit ? 0 : 1].increment();
    }

    /** Parameters are immutable values (enums, numbers, strings, lists of them). */
    private record Key(long userId, String version, String view, List<?> params, List<Object> range) {}
}
