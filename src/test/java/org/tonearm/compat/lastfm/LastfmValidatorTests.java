package org.tonearm.compat.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tonearm.compat.lastfm.LastfmWire.Scrobble;

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
    void timestampExactlyOneDayAheadIsAcceptedOneSecondLaterIsTooNew() {
        long limit = (NOW + LastfmValidator.MAX_AHEAD.toMillis()) / 1000;
        assertThat(LastfmValidator.timestampCode(limit, NOW)).isZero();
        assertThat(LastfmValidator.timestampCode(limit + 1, NOW)).isEqualTo(4);
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
