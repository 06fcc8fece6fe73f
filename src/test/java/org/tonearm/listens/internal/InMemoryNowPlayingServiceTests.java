package org.tonearm.listens.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.Service;

/** docs/api.md#now-playing now playing: the latest per user, expiring at the track length or after 10 minutes. */
class InMemoryNowPlayingServiceTests {

    private final MutableClock clock = new MutableClock();
    private final InMemoryNowPlayingService service = new InMemoryNowPlayingService(clock);

    private static TrackCredit song(String title, Long lengthMs) {
        return new TrackCredit("Stereolab", List.of(), title, null, lengthMs, Identifiers.NONE);
    }

    @Test
    void updateAndClearTellLiveViewsWhoseNowPlayingChanged() {
        List<Object> events = new java.util.ArrayList<>();
        InMemoryNowPlayingService published = new InMemoryNowPlayingService(clock, events::add);
        published.update(7, song("Metronomic Underground", null), Service.OTHER, Channel.NATIVE_API, null, null);
        published.clear(7);
        assertThat(events).containsExactly(new org.tonearm.listens.NowPlayingChanged(7),
                new org.tonearm.listens.NowPlayingChanged(7));
    }

    @Test
    void theLatestReportWins() {
        service.update(1, song("Cybele's Reverie", 300_000L), Service.OTHER, Channel.LASTFM_API, "pano", null);
        service.update(1, song("French Disko", 200_000L), Service.SPOTIFY, Channel.LISTENBRAINZ_API, null, Map.of());
        assertThat(service.current(1)).get().extracting(np -> np.credit().title()).isEqualTo("French Disko");
        assertThat(service.current(2)).isEmpty();
    }

    @Test
    void expiresAtTheTrackLength() {
        service.update(1, song("Ping Pong", 180_000L), Service.OTHER, Channel.NATIVE_API, null, null);
        clock.advance(179_999);
        assertThat(service.current(1)).isPresent();
        clock.advance(1);
        assertThat(service.current(1)).isEmpty();
    }

    @Test
    void withoutALengthExpiresAfterTenMinutes() {
        service.update(1, song("Metronomic Underground", null), Service.OTHER, Channel.AUDIOSCROBBLER_API, null, null);
        clock.advance(599_999);
        assertThat(service.current(1)).isPresent();
        clock.advance(1);
        assertThat(service.current(1)).isEmpty();
    }

    @Test
    void clearRemovesIt() {
        service.update(1, song("Lo Boob Oscillator", 200_000L), Service.OTHER, Channel.NATIVE_API, null, null);
        service.clear(1);
        assertThat(service.current(1)).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private long now = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

        void advance(long ms) {
            now += ms;
        }

        @Override
        public long millis() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
