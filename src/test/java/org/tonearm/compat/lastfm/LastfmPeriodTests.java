package org.tonearm.compat.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** docs/api.md#statistics: how Last.fm's period values map onto native ranges. */
class LastfmPeriodTests {

    @Test
    void everyPeriodMapsOntoItsRollingRange() {
        assertThat(LastfmPeriod.parse("overall").nativeName).isEqualTo("all_time");
        assertThat(LastfmPeriod.parse("7day").nativeName).isEqualTo("7d");
        assertThat(LastfmPeriod.parse("1month").nativeName).isEqualTo("30d");
        assertThat(LastfmPeriod.parse("3month").nativeName).isEqualTo("90d");
        assertThat(LastfmPeriod.parse("6month").nativeName).isEqualTo("180d");
        assertThat(LastfmPeriod.parse("12month").nativeName).isEqualTo("365d");
    }

    @Test
    void noPeriodIsOverallAndCaseIsIgnored() {
        assertThat(LastfmPeriod.parse(null)).isEqualTo(LastfmPeriod.OVERALL);
        assertThat(LastfmPeriod.parse(" ")).isEqualTo(LastfmPeriod.OVERALL);
        assertThat(LastfmPeriod.parse("7DAY")).isEqualTo(LastfmPeriod.SEVEN_DAYS);
    }

    @Test
    void anUnknownPeriodIsErrorSix() {
        assertThatThrownBy(() -> LastfmPeriod.parse("2month"))
                .isInstanceOfSatisfying(LastfmException.class, e -> {
                    assertThat(e.error.code).isEqualTo(6);
                    assertThat(e.getMessage()).contains("period");
                });
    }
}
