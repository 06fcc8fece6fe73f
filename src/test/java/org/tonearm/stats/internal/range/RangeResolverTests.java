package org.tonearm.stats.internal.range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;

/** docs/api.md#statistics range definitions with a fixed clock, in the user's timezone and week start. */
class RangeResolverTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static StatsRange resolve(RangeRequest r, String now, ZoneId zone, DayOfWeek weekStart) {
        return RangeResolver.resolve(r, at(now, zone), zone, weekStart, null);
    }

    private static StatsRange named(String name, String now, ZoneId zone) {
        return resolve(RangeRequest.named(name), now, zone, DayOfWeek.MONDAY);
    }

    @Test
    void thisMonthOnTheSixthComparesWithLastMonthsFirstToSixthAtTheSameTime() {
        StatsRange r = named("this_month", "2024-03-06T15:00:00", BERLIN);
        assertThat(r.from()).isEqualTo(at("2024-03-01T00:00:00", BERLIN));
        assertThat(r.to()).isEqualTo(at("2024-03-06T15:00:00", BERLIN));
        assertThat(r.previous().from()).isEqualTo(at("2024-02-01T00:00:00", BERLIN));
        assertThat(r.previous().to()).isEqualTo(at("2024-02-06T15:00:00", BERLIN));
    }

    @Test
    void thisMonthOnThe31stComparesWithTheWholeShorterMonthBefore() {
        StatsRange r = named("this_month", "2024-03-31T10:00:00", BERLIN);
        // 29 February 2024: the previous period ends on the last day that exists, at the same time
        assertThat(r.previous().to()).isEqualTo(at("2024-02-29T10:00:00", BERLIN));
    }

    @Test
    void todayComparesWithYesterdayUntilTheSameTimeAcrossTheSpringForwardNight() {
        // New York springs forward on 10 March 2024 at 02:00; the 10th has 23 hours
        StatsRange r = named("today", "2024-03-11T09:30:00", NEW_YORK);
        assertThat(r.from()).isEqualTo(at("2024-03-11T00:00:00", NEW_YORK));
        assertThat(r.previous().from()).isEqualTo(at("2024-03-10T00:00:00", NEW_YORK));
        assertThat(r.previous().to()).isEqualTo(at("2024-03-10T09:30:00", NEW_YORK));
    }

    @Test
    void yesterdayIsAWholeLocalDayOf23HoursOnTheDstDay() {
        StatsRange r = named("yesterday", "2024-03-11T09:30:00", NEW_YORK);
        assertThat(r.to().toEpochMilli() - r.from().toEpochMilli()).isEqualTo(23 * 3_600_000L);
        assertThat(r.previous().to()).isEqualTo(r.from());
    }

    @Test
    void sevenDaysAreTodayAndTheSixDaysBeforeFromLocalMidnightEndingNow() {
        StatsRange r = named("7d", "2024-03-01T08:00:00", BERLIN);
        assertThat(r.from()).isEqualTo(at("2024-02-24T00:00:00", BERLIN));
        assertThat(r.to()).isEqualTo(at("2024-03-01T08:00:00", BERLIN));
        assertThat(r.previous().from()).isEqualTo(at("2024-02-17T00:00:00", BERLIN));
        assertThat(r.previous().to()).isEqualTo(at("2024-02-23T08:00:00", BERLIN));
        assertThat(named("365d", "2024-12-31T08:00:00", BERLIN).from()).isEqualTo(at("2024-01-02T00:00:00", BERLIN));
    }

    @Test
    void weeksStartOnTheUsersWeekStart() {
        // Wednesday 3 January 2024
        StatsRange sunday = resolve(RangeRequest.named("this_week"), "2024-01-03T12:00:00", BERLIN, DayOfWeek.SUNDAY);
        assertThat(sunday.from()).isEqualTo(at("2023-12-31T00:00:00", BERLIN));
        StatsRange monday = resolve(RangeRequest.named("last_week"), "2024-01-03T12:00:00", BERLIN, DayOfWeek.MONDAY);
        assertThat(monday.from()).isEqualTo(at("2023-12-25T00:00:00", BERLIN));
        assertThat(monday.to()).isEqualTo(at("2024-01-01T00:00:00", BERLIN));
        assertThat(monday.previous().from()).isEqualTo(at("2023-12-18T00:00:00", BERLIN));
    }

    @Test
    void lastMonthAndYearCompareWithTheWholePeriodBeforeAcrossYearEnds() {
        StatsRange lastMonth = named("last_month", "2024-01-15T12:00:00", BERLIN);
        assertThat(lastMonth.from()).isEqualTo(at("2023-12-01T00:00:00", BERLIN));
        assertThat(lastMonth.to()).isEqualTo(at("2024-01-01T00:00:00", BERLIN));
        assertThat(lastMonth.previous().from()).isEqualTo(at("2023-11-01T00:00:00", BERLIN));
        StatsRange year = resolve(RangeRequest.ofYear(2024), "2026-01-01T00:00:00", BERLIN, DayOfWeek.MONDAY);
        assertThat(year.from()).isEqualTo(at("2024-01-01T00:00:00", BERLIN));
        assertThat(year.to()).isEqualTo(at("2025-01-01T00:00:00", BERLIN));
        assertThat(year.previous().from()).isEqualTo(at("2023-01-01T00:00:00", BERLIN));
        StatsRange thisYear = named("this_year", "2024-02-29T10:00:00", BERLIN);
        assertThat(thisYear.previous().to()).isEqualTo(at("2023-02-28T10:00:00", BERLIN));
    }

    @Test
    void aMonthParameterIsThatWholeLocalMonth() {
        StatsRange feb = resolve(new RangeRequest(null, null, "2024-02", null, null), "2024-06-01T00:00:00", BERLIN,
                DayOfWeek.MONDAY);
        assertThat(feb.name()).isEqualTo("month");
        assertThat(feb.to()).isEqualTo(at("2024-03-01T00:00:00", BERLIN));
        assertThat(feb.previous().from()).isEqualTo(at("2024-01-01T00:00:00", BERLIN));
    }

    @Test
    void customDatesAreWholeLocalDaysBothIncludedAndInstantsAreHalfOpen() {
        StatsRange days = resolve(new RangeRequest(null, null, null, "2024-02-28", "2024-03-01"),
                "2024-06-01T00:00:00", ZoneId.of("Pacific/Kiritimati"), DayOfWeek.MONDAY);
        assertThat(days.from()).isEqualTo(at("2024-02-28T00:00:00", ZoneId.of("Pacific/Kiritimati")));
        assertThat(days.to()).isEqualTo(at("2024-03-02T00:00:00", ZoneId.of("Pacific/Kiritimati")));
        assertThat(days.previous().from()).isEqualTo(at("2024-02-25T00:00:00", ZoneId.of("Pacific/Kiritimati")));
        StatsRange instants = resolve(new RangeRequest(null, null, null, "2024-05-01T12:00:00Z", "1714568400"),
                "2024-06-01T00:00:00", BERLIN, DayOfWeek.MONDAY);
        assertThat(instants.from()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(instants.to()).isEqualTo(Instant.parse("2024-05-01T13:00:00Z"));
        assertThat(instants.previous().from()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
    }

    @Test
    void allTimeStartsAtTheFirstListensLocalDayAndHasNoPreviousPeriod() {
        StatsRange r = RangeResolver.resolve(new RangeRequest(null, null, null, null, null),
                at("2024-06-01T00:00:00", BERLIN), BERLIN, DayOfWeek.MONDAY, Instant.parse("2020-01-01T23:30:00Z"));
        assertThat(r.name()).isEqualTo("all_time");
        assertThat(r.from()).isEqualTo(at("2020-01-02T00:00:00", BERLIN)); // 23:30 UTC is 00:30 on 2 January in Berlin
        assertThat(r.previous()).isNull();
    }

    @Test
    void unknownOrContradictoryParametersNameTheField() {
        assertField(RangeRequest.named("fortnight"), "range");
        assertField(new RangeRequest("7d", null, "2024-01", null, null), "month");
        assertField(new RangeRequest(null, "2024", null, "2024-01-01", null), "from");
        assertField(new RangeRequest(null, "24", null, null, null), "year");
        assertField(new RangeRequest(null, null, "2024-13", null, null), "month");
        assertField(new RangeRequest(null, null, null, "2024-02-30", null), "from");
        assertField(new RangeRequest(null, null, null, "2024-03-02", "2024-03-01"), "to");
        assertField(new RangeRequest(null, null, null, "2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z"), "to");
    }

    private static void assertField(RangeRequest request, String field) {
        assertThatThrownBy(() -> resolve(request, "2024-06-01T00:00:00", BERLIN, DayOfWeek.MONDAY))
                .isInstanceOfSatisfying(TonearmException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldErrors()).extracting(TonearmException.FieldError::field).containsExactly(field);
                });
    }
}
