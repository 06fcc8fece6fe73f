package org.tonearm.compat.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tonearm.compat.lastfm.LastfmWire.Scrobble;
import org.tonearm.listens.ListenRefusal;
import org.tonearm.listens.ListenRefusal.Rule;

class LastfmValidatorTests {

    private static final long NOW = 1_800_000_000_000L;

    private static Scrobble scrobble(int index, String artist, String track) {
        return new Scrobble(index, artist, track, "1", null, null, null, null, null, null, null, null);
    }

    @Test
    void timestampExactlyFourteenDaysOldIsAcceptedOneSecondOlderIsTooOld() {
        long limit = (NOW - LastfmValidator.MAX_AGE.toMillis()) / 1000;
        assertThat(LastfmValidator.timestampCode(limit, NOW)).isZero();
        assertThat(LastfmValidator.timestampCode(limit - 1, NOW)).isEqualTo(3);
    }

    @Test
    void aTimestampInTheWrongUnitIsTooOldOrTooNewNeverWrappedIntoRange() {
        // nanoseconds: seconds × 1000 overflows; saturated it stays absurd (the funnel then answers code 4)
        assertThat(LastfmValidator.timestampCode(NOW / 1000 * 1_000_000_000L, NOW)).isZero();
        assertThat(LastfmValidator.timestampCode(Long.MIN_VALUE, NOW)).isEqualTo(3);
    }

    @Test
    void theFunnelsRefusalsBecomeLastfmIgnoredCodes() {
        assertThat(LastfmValidator.ignoredCode(refusal(Rule.LISTENED_AT_TOO_OLD, "listened_at"))).isEqualTo(3);
        assertThat(LastfmValidator.ignoredCode(refusal(Rule.LISTENED_AT_TOO_NEW, "listened_at"))).isEqualTo(4);
        assertThat(LastfmValidator.ignoredCode(refusal(Rule.NUL_CHARACTER, "artist"))).isEqualTo(1);
        assertThat(LastfmValidator.ignoredCode(refusal(Rule.NUL_CHARACTER, "track"))).isEqualTo(2);
        assertThat(LastfmValidator.ignoredCode(refusal(Rule.NUL_CHARACTER, "album"))).isEqualTo(2);
        assertThat(LastfmValidator.ignoredCode(refusal(Rule.DURATION_NOT_POSITIVE, "track_length_ms"))).isEqualTo(2);
        assertThat(LastfmValidator.ignoredCode(refusal(Rule.DURATION_TOO_LONG, "track_length_ms"))).isEqualTo(2);
    }

    private static ListenRefusal refusal(Rule rule, String field) {
        return new ListenRefusal(rule, field, "test");
    }

    @Test
    void fiftyScrobblesAreABatchFiftyOneAreRejected() {
        LastfmValidator.checkBatchSize(IntStream.range(0, 50).mapToObj(i -> scrobble(i, "a", "t")).toList());
        assertThatThrownBy(() -> LastfmValidator.checkBatchSize(
                IntStream.range(0, 51).mapToObj(i -> scrobble(i, "a", "t")).toList()))
                .isInstanceOfSatisfying(LastfmException.class, e -> assertThat(e.error.code).isEqualTo(6));
    }

    @Test
    void indexFiftyIsOutsideTheProtocolsRange() {
        assertThatThrownBy(() -> LastfmValidator.checkBatchSize(java.util.List.of(scrobble(50, "a", "t"))))
                .isInstanceOf(LastfmException.class);
    }

    @Test
    void missingTimestampNamesTheIndexedParameter() {
        Scrobble s = new Scrobble(3, "a", "t", null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> LastfmValidator.checkRequired(s)).hasMessageContaining("timestamp[3]");
    }

    @Test
    void overlongArtistAndTrackAreIgnoredWithTheirCodes() {
        String tooLong = "x".repeat(LastfmValidator.MAX_NAME_LENGTH + 1);
        String longest = "x".repeat(LastfmValidator.MAX_NAME_LENGTH);
        assertThat(LastfmValidator.ignoredCode(scrobble(0, longest, longest), NOW / 1000, NOW)).isZero();
        assertThat(LastfmValidator.ignoredCode(scrobble(0, tooLong, "t"), NOW / 1000, NOW)).isEqualTo(1);
        assertThat(LastfmValidator.ignoredCode(scrobble(0, "a", tooLong), NOW / 1000, NOW)).isEqualTo(2);
    }

    @Test
    void limitDefaultsToFiftyAndIsCappedAtTwoHundred() {
        assertThat(LastfmValidator.limit(null)).isEqualTo(50);
        assertThat(LastfmValidator.limit("200")).isEqualTo(200);
        assertThat(LastfmValidator.limit("201")).isEqualTo(200);
        assertThatThrownBy(() -> LastfmValidator.limit("0")).isInstanceOf(LastfmException.class);
        assertThatThrownBy(() -> LastfmValidator.limit("ten")).isInstanceOf(LastfmException.class);
    }

    @Test
    void nonNumericTimestampIsAnInvalidParameter() {
        assertThatThrownBy(() -> LastfmValidator.timestampSeconds("yesterday", "timestamp[0]"))
                .isInstanceOfSatisfying(LastfmException.class, e -> assertThat(e.error.code).isEqualTo(6));
    }
}
