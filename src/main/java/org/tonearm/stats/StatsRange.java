package org.tonearm.stats;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A resolved statistics range (docs/api.md#statistics): the instants {@code [from, to)} in the user's timezone and week start,
 * and the previous equivalent period the views compare with ({@code null} for {@code all_time}).
 *
 * @param name     the range as asked: {@code today} … {@code all_time}, {@code year}, {@code month} or {@code custom}
 * @param from     inclusive start; for {@code all_time} the local midnight of the first listen (or {@code to} when
 *                 there is none)
 * @param to       exclusive end ("now" for current ranges)
 * @param previous the previous equivalent period, or null for {@code all_time}
 * @param zone     the user's timezone the range was resolved in
 * @param weekStart the user's first day of the week
 */
public record StatsRange(String name, Instant from, Instant to, Period previous, ZoneId zone, DayOfWeek weekStart) {

    /** An instant interval {@code [from, to)}. */
    public record Period(Instant from, Instant to) {}

    public Period period() {
        return new Period(from, to);
    }

    public boolean allTime() {
        return previous == null;
    }
}
