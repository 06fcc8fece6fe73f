package org.tonearm.listens.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.NowPlaying;
import org.tonearm.listens.NowPlayingChanged;
import org.tonearm.listens.NowPlayingService;

/**
 * Now playing per user, in process (docs/api.md#now-playing: the latest one per user, expiring at the track's length or after
 * 10 minutes). One node needs nothing more; sharing it between nodes through Redis is the multi-node issue's
 * work (docs/architecture.md: Redis when TONEARM_REDIS_URL is set).
 */
@Service
class InMemoryNowPlayingService implements NowPlayingService {

    /** Without a known length a now-playing entry lives this long (docs/api.md#now-playing). */
    static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    private final Clock clock;
    /** Tells live views (docs/web.md#live-updates) that the value changed; a no-op publisher in unit tests. */
    private final ApplicationEventPublisher events;
    private final Cache<Long, NowPlaying> current = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(new Expiry<Long, NowPlaying>() {
                @Override
                public long expireAfterCreate(Long user, NowPlaying np, long now) {
                    return Duration.ofMillis(Math.max(0, np.expiresAtMs() - np.startedAtMs())).toNanos();
                }

                @Override
                public long expireAfterUpdate(Long user, NowPlaying np, long now, long remaining) {
                    return expireAfterCreate(user, np, now);
                }

                @Override
                public long expireAfterRead(Long user, NowPlaying np, long now, long remaining) {
                    return remaining;
                }
            })
            .build();

    @Autowired
    InMemoryNowPlayingService(ApplicationEventPublisher events) {
        this(Clock.systemUTC(), events);
    }

    InMemoryNowPlayingService(Clock clock) {
        this(clock, event -> { });
    }

    InMemoryNowPlayingService(Clock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.events = events;
    }

    @Override
    public NowPlaying update(long userId, TrackCredit credit, org.tonearm.listens.Service service, Channel channel,
            String client, Map<String, Object> extra) {
        long now = clock.millis();
        long ttl = credit.lengthMs() != null && credit.lengthMs() > 0 ? credit.lengthMs() : DEFAULT_TTL.toMillis();
        NowPlaying np = new NowPlaying(userId, credit, service, channel, client, now, now + ttl,
                extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra)));
        current.put(userId, np);
        events.publishEvent(new NowPlayingChanged(userId));
        return np;
    }

    @Override
    public Optional<NowPlaying> current(long userId) {
        NowPlaying np = current.getIfPresent(userId);
        // the cache's own expiry runs on its ticker; the clock check keeps the rule exact for callers
        return np != null && np.expiresAtMs() > clock.millis() ? Optional.of(np) : Optional.empty();
    }

    @Override
    public void clear(long userId) {
        current.invalidate(userId);
        events.publishEvent(new NowPlayingChanged(userId));
    }
}
