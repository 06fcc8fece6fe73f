package org.tonearm.stats.internal.query;

import static org.tonearm.schema.Tables.LISTENS;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Clock;
import org.tonearm.stats.Heatmap;
import org.tonearm.stats.StatsRange;

/**
 * Heatmap (weekday × hour) and listening clock (hour of day) from the per-day-and-hour rollup: the local hour is the
 * listen's at that moment (DST-aware, stored at insert); ISO weekdays listed from the user's week start (docs/api.md#statistics).
 */
@Component
public class HeatmapQuery {

    private final Database database;

    public HeatmapQuery(Database database) {
        this.database = database;
    }

    /** [day][hour] → {plays, time} summed over the slice. */
    private long[][][] cells(Slice slice) {
        DSLContext dsl = database.dsl();
        long[][][] cells = new long[7][24][2];
        List<Object> values = new ArrayList<>();
        slice.values(values);
        Rendered.fetch(dsl, "cells " + slice.shape(), values, v -> dsl.select(Sources.DAY, Sources.HOUR,
                        FiguresQuery.total(Sources.PLAYS), FiguresQuery.total(Sources.TIME))
                .from(Sources.hours(dsl, slice.withValues(v.iterator()))).groupBy(Sources.DAY, Sources.HOUR))
                .forEach(r -> {
                    int weekday = LocalDate.ofEpochDay(r.get(0, Integer.class)).getDayOfWeek().getValue();
                    int hour = r.get(1, Integer.class);
                    cells[weekday - 1][hour][0] += r.get(2, Long.class);
                    cells[weekday - 1][hour][1] += r.get(3, Long.class);
                });
        return cells;
    }

    public Heatmap heatmap(long userId, StatsRange range, Instant now) {
        long[][][] cells = cells(Slice.of(userId, range));
        List<Heatmap.Cell> items = new ArrayList<>(7 * 24);
        DayOfWeek day = range.weekStart();
        for (int i = 0; i < 7; i++, day = day.plus(1)) {
            for (int h = 0; h < 24; h++) {
                long[] c = cells[day.getValue() - 1][h];
                items.add(new Heatmap.Cell(day.getValue(), h, c[0], c[1]));
            }
        }
        return new Heatmap(range, now, items);
    }

    public Clock clock(long userId, StatsRange range, Instant now) {
        long[][][] cells = cells(Slice.of(userId, range));
        List<Clock.Hour> items = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            long plays = 0;
            long time = 0;
            for (int d = 0; d < 7; d++) {
                plays += cells[d][h][0];
                time += cells[d][h][1];
            }
            items.add(new Clock.Hour(h, plays, time));
        }
        return new Clock(range, now, items);
    }

    /** The user's first listen, for all_time (null when there is none). */
    public Instant firstListen(long userId) {
        Long first = database.dsl().select(DSL.min(LISTENS.LISTENED_AT)).from(LISTENS)
                .where(LISTENS.USER_ID.eq(userId)).fetchOne(0, Long.class);
        return first == null ? null : Instant.ofEpochMilli(first);
    }
}
