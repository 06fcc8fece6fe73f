package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.listens.Classifier.Verdict;

/** docs/api.md#classification classification, at every boundary. */
class ClassifierTests {

    private final Classifier classifier = new Classifier(ListensProperties.defaults());
    private static final long TEN_MINUTES = 600_000;

    private Verdict played(Long playedMs, Long lengthMs) {
        return classifier.classify(playedMs, lengthMs);
    }

    @Test
    void unknownPlayedDurationIsAFullPlay() {
        assertThat(played(null, 200_000L)).isEqualTo(new Verdict(Classification.FULL, 1.0));
        assertThat(played(null, null)).isEqualTo(new Verdict(Classification.FULL, 1.0));
    }

    @Test
    void underThirtySecondsIsASkipAndThirtySecondsIsNot() {
        assertThat(played(29_900L, null).classification()).isEqualTo(Classification.SKIP);
        assertThat(played(29_900L, null).weight()).isZero();
        assertThat(played(30_000L, null)).isEqualTo(new Verdict(Classification.FULL, 1.0));
    }

    @Test
    void underTwentyPercentOfTheLengthIsASkip() {
        // 19.9 % / 20 % of a 10-minute track (both above 30 s, so only the share decides)
        assertThat(played(119_400L, TEN_MINUTES).classification()).isEqualTo(Classification.SKIP);
        assertThat(played(120_000L, TEN_MINUTES).classification()).isEqualTo(Classification.PARTIAL);
    }

    @Test
    void partialBelowHalfAndBelowFourMinutesWeighsHalf() {
        // 49.9 % / 50 % of a 7-minute track: 209.58 s and 210 s, both under 4 minutes
        long length = 420_000;
        assertThat(played(209_580L, length)).isEqualTo(new Verdict(Classification.PARTIAL, 0.5));
        assertThat(played(210_000L, length)).isEqualTo(new Verdict(Classification.PARTIAL, 1.0));
    }

    @Test
    void partialOfFourMinutesOrMoreWeighsOneEvenBelowHalf() {
        // 40 % of a 12-minute track is 4.8 minutes of music: a real play
        assertThat(played(288_000L, 720_000L)).isEqualTo(new Verdict(Classification.PARTIAL, 1.0));
        // 239.9 s at 39.98 % still weighs half
        assertThat(played(239_900L, 600_000L)).isEqualTo(new Verdict(Classification.PARTIAL, 0.5));
    }

    @Test
    void eightyPercentOfTheLengthIsAFullPlay() {
        assertThat(played(479_400L, TEN_MINUTES)).isEqualTo(new Verdict(Classification.PARTIAL, 1.0));
        assertThat(played(480_000L, TEN_MINUTES)).isEqualTo(new Verdict(Classification.FULL, 1.0));
        assertThat(played(700_000L, TEN_MINUTES)).isEqualTo(new Verdict(Classification.FULL, 1.0));
    }

    @Test
    void aTrackShorterThanThirtySecondsIsASkipBelowEightyPercentOfItsLength() {
        // a 20 s interlude: 15.98 s (79.9 %) skip, 16 s (80 %) full
        assertThat(played(15_980L, 20_000L).classification()).isEqualTo(Classification.SKIP);
        assertThat(played(16_000L, 20_000L)).isEqualTo(new Verdict(Classification.FULL, 1.0));
    }

    @Test
    void lengthUnknownAndThirtySecondsOrMoreIsFull() {
        assertThat(played(45_000L, null)).isEqualTo(new Verdict(Classification.FULL, 1.0));
        assertThat(played(45_000L, 0L)).isEqualTo(new Verdict(Classification.FULL, 1.0));
    }

    @Test
    void thresholdsAreConfigurable() {
        var strict = new Classifier(new ListensProperties(60_000L, null, null, null, null, null, null, null, null, null));
        assertThat(strict.classify(45_000L, null).classification()).isEqualTo(Classification.SKIP);
    }
}
