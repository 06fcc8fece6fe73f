package org.tonearm.stats.internal.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.Streak;

/**
 * docs/api.md#statistics streaks: consecutive local days with at least one play. The current streak is as of today (alive when the
 * last play was today or yesterday); the longest is the longest run of days inside the range.
 */
@Component
public class StreaksQuery {

    /** Far enough back for any history; the slice reads whole days from rollups. */
    static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");

    private final Database database;

    public StreaksQuery(Database database) {
        this.database = database;
    }

    /** The local days with a play in the slice, ascending. */
    public List<Integer> playDays(Slice slice) {
        DSLContext dsl = database.dsl();
        return dsl.select(Sources.DAY).from(Sources.days(dsl, slice)).groupBy(Sources.DAY)
                .having(org.jooq.impl.DSL.sum(Sources.PLAYS).gt(java.math.BigDecimal.ZERO))
                .orderBy(Sources.DAY).fetch(Sources.DAY);
    }

    public Streak current(long userId, LocalDate today, ZoneId zone, Instant now) {
        // the recent days first (every overview asks for the current streak, whatever its range): only a streak that
        // reaches back to the window's first day needs the whole history (docs/performance.md, 2026-12-07)
        LocalDate windowStart = today.minusDays(RECENT_DAYS);
        Instant windowFrom = windowStart.atStartOfDay(zone).toInstant();
        Streak recent = current(playDays(Slice.of(userId, windowFrom, now, zone)), today);
        if (recent.days() == 0 || recent.first().isAfter(windowStart)) {
            return recent;
        }
        return current(playDays(Slice.of(userId, BEGINNING, now, zone)), today);
    }

    /** Days read by the current streak's first try; a longer streak reads the whole history. */
    static final int RECENT_DAYS = 62;

    private static Streak current(List<Integer> days, LocalDate today) {
        if (days.isEmpty()) {
            return Streak.NONE;
        }
        int last = days.get(days.size() - 1);
        if (last < today.toEpochDay() - 1) {
            return Streak.NONE; // the last play was before yesterday: the streak is over
        }
        int first = last;
        for (int i = days.size() - 2; i >= 0 && days.get(i) == first - 1; i--) {
            first = days.get(i);
        }
        return new Streak(last - first + 1, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
    }

    public Streak longest(long userId, StatsRange range) {
        return longest(playDays(Slice.of(userId, range.period(), range.zone())));
    }

    /** The longest run; of equal runs the earliest. */
    public static Streak longest(List<Integer> days) {
        Streak best = Streak.NONE;
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1) == days.get(j) + 1) {
                j++;
            }
            int length = j - i + 1;
            if (length > best.days()) {
                best = new Streak(length, LocalDate.ofEpochDay(days.get(i)), LocalDate.ofEpochDay(days.get(j)));
            }
            i = j + 1;
        }
        return best;
    }
}
