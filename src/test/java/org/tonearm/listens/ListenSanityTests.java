package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.ListenRefusal.Rule;

/** The funnel's one rule set (issue #10) at its exact boundaries. */
class ListenSanityTests {

    private static final long NOW = Instant.parse("2026-12-06T12:00:00Z").toEpochMilli();
    private static final long MIN = Instant.parse("2002-10-01T00:00:00Z").toEpochMilli();
    private static final long DAYS_24 = Duration.ofDays(24).toMillis();

    private static IncomingListen listen(long at, Long played, Long length) {
        return new IncomingListen(1, new TrackCredit("Artist", List.of(), "Title", "Album", length, Identifiers.NONE),
                at, TimeStamp.START, played, Service.OTHER, Channel.NATIVE_API, null, null, null, null, null);
    }

    private static Optional<Rule> rule(IncomingListen l) {
        return ListenSanity.check(l, NOW).map(ListenRefusal::rule);
    }

    @Test
    void listenedAtFromTheFirstOfOctober2002ButNotAMillisecondBefore() {
        assertThat(rule(listen(MIN, null, null))).isEmpty();
        assertThat(rule(listen(MIN - 1, null, null))).contains(Rule.LISTENED_AT_TOO_OLD);
        assertThat(rule(listen(Long.MIN_VALUE, null, null))).contains(Rule.LISTENED_AT_TOO_OLD);
    }

    @Test
    void listenedAtUpToOneHourAheadButNotAMillisecondMore() {
        assertThat(rule(listen(NOW + 3_600_000, null, null))).isEmpty();
        assertThat(rule(listen(NOW + 3_600_001, null, null))).contains(Rule.LISTENED_AT_TOO_NEW);
        assertThat(rule(listen(Long.MAX_VALUE, null, null))).contains(Rule.LISTENED_AT_TOO_NEW);
    }

    @Test
    void playedDurationFromOneMillisecondToTwentyFourDays() {
        assertThat(rule(listen(NOW, 1L, null))).isEmpty();
        assertThat(rule(listen(NOW, DAYS_24, null))).isEmpty();
        assertThat(ListenSanity.check(listen(NOW, 0L, null), NOW)).contains(
                new ListenRefusal(Rule.DURATION_NOT_POSITIVE, "duration_played_ms", "must be more than 0"));
        assertThat(rule(listen(NOW, -1L, null))).contains(Rule.DURATION_NOT_POSITIVE);
        assertThat(rule(listen(NOW, DAYS_24 + 1, null))).contains(Rule.DURATION_TOO_LONG);
    }

    @Test
    void trackLengthFromOneMillisecondToTwentyFourDays() {
        assertThat(rule(listen(NOW, null, 1L))).isEmpty();
        assertThat(rule(listen(NOW, null, DAYS_24))).isEmpty();
        assertThat(ListenSanity.check(listen(NOW, null, 0L), NOW).map(ListenRefusal::field)).contains("track_length_ms");
        assertThat(rule(listen(NOW, null, 0L))).contains(Rule.DURATION_NOT_POSITIVE);
        assertThat(rule(listen(NOW, null, DAYS_24 + 1))).contains(Rule.DURATION_TOO_LONG);
    }

    @Test
    void aNulAnywhereInTheTextIsRefusedNamingTheField() {
        assertThat(nulField(new TrackCredit("A\0", List.of(), "T", null, null, null), null, null)).contains("artist");
        assertThat(nulField(new TrackCredit("A", List.of("B", "\0"), "T", null, null, null), null, null))
                .contains("artists");
        assertThat(nulField(new TrackCredit("A", List.of(), "T\0", null, null, null), null, null)).contains("track");
        assertThat(nulField(new TrackCredit("A", List.of(), "T", "\0", null, null), null, null)).contains("album");
        assertThat(nulField(new TrackCredit("A", List.of(), "T", null, null,
                new Identifiers("\0", List.of(), null, null, null)), null, null)).contains("recording_mbid");
        assertThat(nulField(TrackCredit.of("A", "T", null), "mpd\0", null)).contains("client");
        assertThat(nulField(TrackCredit.of("A", "T", null), null, Map.of("k\0", "v"))).contains("extra");
        assertThat(nulField(TrackCredit.of("A", "T", null), null, Map.of("k", List.of("x", "\0")))).contains("extra");
        // other control characters are text a tag may really hold (tabs, line breaks)
        assertThat(nulField(TrackCredit.of("A\t\u0001", "T\n", null), null, null)).isEmpty();
    }

    private static Optional<String> nulField(TrackCredit credit, String client, Map<String, Object> extra) {
        IncomingListen l = new IncomingListen(1, credit, NOW, TimeStamp.START, null, Service.OTHER, Channel.LASTFM_API,
                null, client, null, extra, null);
        return ListenSanity.check(l, NOW).filter(r -> r.rule() == Rule.NUL_CHARACTER).map(ListenRefusal::field);
    }

    @Test
    void secondsInTheWrongUnitStayAbsurdInsteadOfWrappingIntoRange() {
        long nanos = NOW / 1000 * 1_000_000_000L; // an Audioscrobbler i[0] sent in nanoseconds
        assertThat(ListenSanity.secondsToMillis(nanos)).isEqualTo(Long.MAX_VALUE);
        assertThat(ListenSanity.secondsToMillis(-nanos)).isEqualTo(Long.MIN_VALUE);
        assertThat(ListenSanity.secondsToMillis(1_700_000_000L)).isEqualTo(1_700_000_000_000L);
    }
}
