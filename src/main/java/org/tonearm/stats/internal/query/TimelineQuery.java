package org.tonearm.stats.internal.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Figures;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.Step;
import org.tonearm.stats.Timeline;

/** Plays over time, zero-filled per step; weeks begin on the user's week start (docs/api.md#statistics). */
@Component
public class TimelineQuery {

    private final Database database;

    public TimelineQuery(Database database) {
        this.database = database;
    }

    public Timeline timeline(long userId, StatsRange range, Step step, Instant now) {
        return timeline(range, step, now, byDay(Slice.of(userId, range.period(), range.zone())));
    }

    /** The timeline of a range from figures per local day ({@link #byDay}). */
    static Timeline timeline(StatsRange range, Step step, Instant now, Map<Integer, Figures> byDay) {
        List<Timeline.Bucket> buckets = new ArrayList<>();
        if (range.to().isAfter(range.from())) {
            LocalDate first = LocalDate.ofInstant(range.from(), range.zone());
            LocalDate last = LocalDate.ofInstant(range.to().minusMillis(1), range.zone());
            LocalDate start = first;
            while (!start.isAfter(last)) {
                LocalDate next = next(start, step, range);
                LocalDate end = next.minusDays(1).isAfter(last) ? last : next.minusDays(1);
                Figures sum = Figures.ZERO;
                for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                    Figures f = byDay.get((int) d.toEpochDay());
                    if (f != null) {
                        sum = sum.plus(f);
                    }
                }
                buckets.add(new Timeline.Bucket(start, end, sum));
                start = next;
            }
        }
        return new Timeline(range, now, step, buckets);
    }

    /** The first day of the bucket after the one containing {@code day}. */
    private static LocalDate next(LocalDate day, Step step, StatsRange range) {
        return switch (step) {
            case DAY -> day.plusDays(1);
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(range.weekStart())).plusWeeks(1);
            case MONTH -> day.withDayOfMonth(1).plusMonths(1);
            case YEAR -> day.withDayOfYear(1).plusYears(1);
        };
    }

    /** Figures per local day of the slice, from the per-day rollup. */
    public Map<Integer, Figures> byDay(Slice slice) {
        DSLContext dsl = database.dsl();
        List<SelectField<?>> columns = new ArrayList<>();
        columns.add(Sources.DAY);
        columns.addAll(List.of(FiguresQuery.columns()));
        Map<Integer, Figures> out = new HashMap<>();
        List<Object> values = new ArrayList<>();
        slice.values(values);
        Rendered.fetch(dsl, "by_day " + slice.shape(), values,
                        v -> dsl.select(columns).from(Sources.days(dsl, slice.withValues(v.iterator())))
                                .groupBy(Sources.DAY))
                .forEach(r -> out.put(r.get(0, Integer.class), FiguresQuery.read(r, 1)));
        return out;
    }

    /** Figures per local day of the slice, narrowed to some tracks or albums (one per-day × track read). */
    public Map<Integer, Figures> byDay(Slice slice, Sources.Narrowing narrowing) {
        DSLContext dsl = database.dsl();
        List<SelectField<?>> columns = new ArrayList<>();
        columns.add(Sources.DAY);
        columns.addAll(List.of(FiguresQuery.columns()));
        Map<Integer, Figures> out = new HashMap<>();
        Field<Integer> day = Sources.DAY;
        dsl.select(columns).from(Sources.dayTrack(dsl, slice, narrowing)).groupBy(day).fetch()
                .forEach(r -> out.put(r.get(0, Integer.class), FiguresQuery.read(r, 1)));
        return out;
    }
}
