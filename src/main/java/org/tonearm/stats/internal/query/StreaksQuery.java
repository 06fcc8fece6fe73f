package org.tonearm.stats.internal.query;

import static org.tonearm.schema.Tables.STATS_DAY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.Streak;
import org.tonearm.stats.Streaks;

/**
 * docs/api.md#statistics streaks: consecutive local days with at least one play. The current streak is as of today (alive when the
 * last play was today or yesterday); the longest is the longest run of days inside the range.
 */
@Component
public class StreaksQuery {

    private final Database database;

    public StreaksQuery(Database database) {
        this.database = database;
    }

    /** The local days with a play in the slice, ascending. */
    public List<Integer> playDays(Slice slice) {
        return playDays(List.of(slice)).get(0);
    }

    /**
     * The local days with a play in each slice, ascending, in one statement (docs/performance.md "Statistics: one
     * call per view": a statement per slice was a prepare and a step each).
     */
    List<List<Integer>> playDays(List<Slice> slices) {
        DSLContext dsl = database.dsl();
        List<Object> values = new ArrayList<>();
        StringBuilder shape = new StringBuilder("play_days");
        for (Slice slice : slices) {
            slice.values(values);
            shape.append(' ').append(slice.shape());
        }
        List<List<Integer>> out = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            out.add(new ArrayList<>());
        }
        Rendered.fetch(dsl, shape.toString(), values, v -> {
            java.util.Iterator<Object> in = v.iterator();
            Select<Record2<Integer, Integer>> all = null;
            for (int i = 0; i < slices.size(); i++) {
                var part = dsl.select(DSL.inline(i).as("k"), Sources.DAY)
                        .from(Sources.days(dsl, slices.get(i).withValues(in)))
                        .groupBy(Sources.DAY).having(DSL.sum(Sources.PLAYS).gt(java.math.BigDecimal.ZERO));
                all = all == null ? part : all.unionAll(part);
            }
            return (ResultQuery<Record2<Integer, Integer>>) all;
        }).forEach(r -> out.get(r.get(0, Integer.class)).add(r.get(1, Integer.class)));
        out.forEach(java.util.Collections::sort);
        return out;
    }

    public Streak current(long userId, LocalDate today, ZoneId zone, Instant now) {
        return both(userId, today, zone, now, null)[0];
    }

    /**
     * The current streak and the longest one of {@code longestIn} (null: the current one only). The recent days and
     * the range are read in one statement (every overview asks for the current streak, whatever its range): only a
     * current streak that reaches back to the window's first day reads its older days, back to its start
     * (docs/performance.md, 2026-12-07 and session 10).
     */
    private Streak[] both(long userId, LocalDate today, ZoneId zone, Instant now, StatsRange longestIn) {
        LocalDate windowStart = today.minusDays(RECENT_DAYS);
        Instant windowFrom = windowStart.atStartOfDay(zone).toInstant();
        List<Slice> slices = new ArrayList<>(2);
        slices.add(Slice.of(userId, windowFrom, now, zone));
        if (longestIn != null) {
            slices.add(Slice.of(userId, longestIn.period(), longestIn.zone()));
        }
        List<List<Integer>> days = playDays(slices);
        Streak recent = current(days.get(0), today);
        if (recent.days() != 0 && !recent.first().isAfter(windowStart)) {
            LocalDate first = LocalDate.ofEpochDay(runStart(userId, (int) windowStart.toEpochDay()));
            recent = new Streak((int) (recent.last().toEpochDay() - first.toEpochDay() + 1), first, recent.last());
        }
        return new Streak[] {recent, longestIn == null ? null : longest(days.get(1))};
    }

    /**
     * The first day of the run of played days that contains {@code day} (a day with a play, before the window, so a
     * whole day: its figures are all in {@code stats_day}). The played days are read newest first from the per-day
     * rollup and the read stops at the first gap, instead of reading every played day of the history through the
     * union of rollup and raw rows and grouping them (docs/performance.md, session 10). A plain backward range read,
     * not "the latest day whose day before has no play" as one statement: that anti-join was as cheap on SQLite but
     * ten times dearer on PostgreSQL (a probe per day of the streak).
     */
    private int runStart(long userId, int day) {
        try (Cursor<Record1<Integer>> days = database.dsl().select(STATS_DAY.LOCAL_DAY).from(STATS_DAY)
                .where(STATS_DAY.USER_ID.eq(userId))
                .and(STATS_DAY.LOCAL_DAY.le(day))
                .and(STATS_DAY.PLAYS.gt(0L))
                .orderBy(STATS_DAY.LOCAL_DAY.desc())
                .fetchSize(RUN_READ_BATCH)
                .fetchLazy()) {
            int first = day;
            for (Record1<Integer> played : days) {
                if (played.value1() < first - 1) {
                    break;
                }
                first = played.value1();
            }
            return first;
        }
    }

    /** Rows per round trip of {@link #runStart} on PostgreSQL (a ten-year streak is ~3,650 rows). */
    private static final int RUN_READ_BATCH = 1024;

    /** The current streak as of {@code now} (in the range's zone) and the longest inside the range. */
    public Streaks streaks(long userId, StatsRange range, Instant now) {
        Streak[] both = both(userId, LocalDate.ofInstant(now, range.zone()), range.zone(), now, range);
        return new Streaks(range, now, both[0], both[1]);
    }

    /** {@link #current} and {@link #longest(long, StatsRange)} of the range, in one statement. */
    public Streak[] currentAndLongest(long userId, LocalDate today, ZoneId zone, Instant now, StatsRange range) {
        return both(userId, today, zone, now, range);
    }

    /** Days read by the current streak's first try; a longer streak reads on in {@link #runStart}. */
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
