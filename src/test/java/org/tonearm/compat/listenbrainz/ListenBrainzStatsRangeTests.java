package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsRange.Days;

/** docs/api.md#statistics: how ListenBrainz's range values map onto native ranges. */
class ListenBrainzStatsRangeTests {

    @Test
    void namedRangesMapOntoTheNativeOnes() {
        assertThat(ListenBrainzStatsRange.parse("week").orElseThrow().nativeName()).contains("last_week");
        assertThat(ListenBrainzStatsRange.parse("month").orElseThrow().nativeName()).contains("last_month");
        assertThat(ListenBrainzStatsRange.parse("year").orElseThrow().nativeName()).contains("last_year");
        assertThat(ListenBrainzStatsRange.parse("this_week").orElseThrow().nativeName()).contains("this_week");
        assertThat(ListenBrainzStatsRange.parse("this_month").orElseThrow().nativeName()).contains("this_month");
        assertThat(ListenBrainzStatsRange.parse("this_year").orElseThrow().nativeName()).contains("this_year");
        assertThat(ListenBrainzStatsRange.parse("all_time").orElseThrow().nativeName()).contains("all_time");
    }

    @Test
    void anAbsentRangeIsAllTimeAndUnknownOrDifferentlyCasedOnesAreRefused() {
        assertThat(ListenBrainzStatsRange.parse(null)).contains(ListenBrainzStatsRange.ALL_TIME);
        assertThat(ListenBrainzStatsRange.parse("WEEK")).isEmpty();
        assertThat(ListenBrainzStatsRange.parse("fortnight")).isEmpty();
        assertThat(ListenBrainzStatsRange.parse("")).isEmpty();
    }

    @Test
    void quarterIsTheLastWholeCalendarQuarter() {
        ListenBrainzStatsRange q = ListenBrainzStatsRange.QUARTER;
        // first and last day of a quarter: the previous quarter either way
        assertThat(q.days(LocalDate.of(2024, 4, 1))).contains(new Days(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31)));
        assertThat(q.days(LocalDate.of(2024, 6, 30))).contains(new Days(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31)));
        // across the year end
        assertThat(q.days(LocalDate.of(2025, 1, 1))).contains(new Days(LocalDate.of(2024, 10, 1),
                LocalDate.of(2024, 12, 31)));
        assertThat(q.days(LocalDate.of(2024, 12, 31))).contains(new Days(LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 9, 30)));
    }

    @Test
    void halfYearlyIsTheLastWholeHalfYear() {
        ListenBrainzStatsRange h = ListenBrainzStatsRange.HALF_YEARLY;
        assertThat(h.days(LocalDate.of(2024, 6, 30))).contains(new Days(LocalDate.of(2023, 7, 1),
                LocalDate.of(2023, 12, 31)));
        assertThat(h.days(LocalDate.of(2024, 7, 1))).contains(new Days(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 6, 30)));
        assertThat(h.days(LocalDate.of(2024, 1, 1))).contains(new Days(LocalDate.of(2023, 7, 1),
                LocalDate.of(2023, 12, 31)));
        assertThat(h.days(LocalDate.of(2024, 12, 31))).contains(new Days(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 6, 30)));
    }

    @Test
    void namedRangesHaveNoDaySpan() {
        assertThat(ListenBrainzStatsRange.WEEK.days(LocalDate.of(2024, 2, 29))).isEmpty();
        assertThat(ListenBrainzStatsRange.QUARTER.nativeName()).isEmpty();
    }
}
