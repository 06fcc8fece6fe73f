package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.STATS_DAY;
import static org.tonearm.schema.Tables.STATS_DAY_HOUR;
import static org.tonearm.schema.Tables.STATS_DAY_TRACK;
import static org.tonearm.schema.Tables.STATS_HOUR;
import static org.tonearm.schema.Tables.STATS_TRACK;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The two row sources every view aggregates (see the stats package-info): rollup rows of whole local days and the
 * same shape computed from raw listens of the partial days at the edges, as one derived table. docs/api.md#statistics: plays are
 * listens that are not SKIP; listening time is the played duration, or the track length when it is unknown
 * (estimated); skips only feed the skip rate.
 */
public final class Sources {

    /** Columns of {@link #dayTrack}. */
    public static final Field<Integer> DAY = field(name("s", "local_day"), Integer.class);
    public static final Field<Long> TRACK = field(name("s", "track_id"), Long.class);
    /** 0 = no album. */
    public static final Field<Long> ALBUM = field(name("s", "album_id"), Long.class);
    public static final Field<Long> PLAYS = field(name("s", "plays"), Long.class);
    public static final Field<Double> WEIGHTED = field(name("s", "weighted_plays"), Double.class);
    public static final Field<Long> SKIPS = field(name("s", "skips"), Long.class);
    public static final Field<Long> TIME = field(name("s", "time_ms"), Long.class);
    public static final Field<Long> ESTIMATED = field(name("s", "estimated_time_ms"), Long.class);
    /** Columns of {@link #dayHour} besides DAY, PLAYS, SKIPS, TIME. */
    public static final Field<Integer> HOUR = field(name("s", "local_hour"), Integer.class);

    private Sources() {}

    private static final String SKIP = "SKIP";

    public static Field<Long> isPlay() {
        return when(LISTENS.CLASSIFICATION.ne(SKIP), inline(1L)).otherwise(inline(0L));
    }

    public static Field<Long> isSkip() {
        return when(LISTENS.CLASSIFICATION.eq(SKIP), inline(1L)).otherwise(inline(0L));
    }

    /** Played duration, else track length, else 0 — of plays only. */
    public static Field<Long> playTime() {
        return when(LISTENS.CLASSIFICATION.ne(SKIP),
                coalesce(LISTENS.DURATION_PLAYED_MS, LISTENS.TRACK_LENGTH_MS, inline(0L))).otherwise(inline(0L));
    }

    public static Field<Long> estimatedTime() {
        return when(LISTENS.CLASSIFICATION.ne(SKIP).and(LISTENS.DURATION_PLAYED_MS.isNull()),
                coalesce(LISTENS.TRACK_LENGTH_MS, inline(0L))).otherwise(inline(0L));
    }

    public static Field<Long> longSum(Field<Long> f) {
        return sum(f).cast(SQLDataType.BIGINT);
    }

    static Condition edges(Slice slice) {
        // no constant "false or …" in front: jOOQ renders it as (1 = 0 or …) on SQLite, whose planner then cannot
        // use ix_listens_user_time for the range and reads every listen of the user for "today so far"
        // (25 ms instead of 0.3 ms at 20,000 listens; StatsBenchmark)
        List<Condition> ranges = new ArrayList<>(2);
        for (long[] e : slice.edges()) {
            ranges.add(LISTENS.LISTENED_AT.ge(e[0]).and(LISTENS.LISTENED_AT.lt(e[1])));
        }
        return ranges.isEmpty() ? falseCondition() : DSL.or(ranges);
    }

    /**
     * Narrows a source to some tracks or albums (one entity's page): a condition on the track and album columns of
     * whichever table a part of the source reads (a rollup or LISTENS, whose album is null for "no album").
     */
    @FunctionalInterface
    public interface Narrowing {
        Narrowing NONE = (track, album) -> noCondition();

        Condition on(Field<Long> track, Field<Long> album);
    }

    /** Rows (local_day, track_id, album_id, plays, weighted_plays, skips, time_ms, estimated_time_ms) aliased "s". */
    public static Table<Record> dayTrack(DSLContext dsl, Slice slice) {
        return dayTrack(dsl, slice, Narrowing.NONE);
    }

    /** As {@link #dayTrack(DSLContext, Slice)}, narrowed to some tracks/albums. */
    public static Table<Record> dayTrack(DSLContext dsl, Slice slice, Narrowing narrowing) {
        List<Select<? extends Record>> parts = new ArrayList<>(2);
        if (slice.hasWholeDays()) {
            parts.add(dsl.select(STATS_DAY_TRACK.LOCAL_DAY.as("local_day"), STATS_DAY_TRACK.TRACK_ID.as("track_id"),
                            STATS_DAY_TRACK.ALBUM_ID.as("album_id"), STATS_DAY_TRACK.PLAYS.as("plays"),
                            STATS_DAY_TRACK.WEIGHTED_PLAYS.as("weighted_plays"), STATS_DAY_TRACK.SKIPS.as("skips"),
                            STATS_DAY_TRACK.TIME_MS.as("time_ms"),
                            STATS_DAY_TRACK.ESTIMATED_TIME_MS.as("estimated_time_ms"))
                    .from(STATS_DAY_TRACK)
                    .where(STATS_DAY_TRACK.USER_ID.eq(slice.userId()))
                    .and(STATS_DAY_TRACK.LOCAL_DAY.ge(slice.firstDay()))
                    .and(STATS_DAY_TRACK.LOCAL_DAY.lt(slice.endDay()))
                    .and(narrowing.on(STATS_DAY_TRACK.TRACK_ID, STATS_DAY_TRACK.ALBUM_ID)));
        }
        if (!slice.edges().isEmpty() || parts.isEmpty()) {
            Field<Long> album = coalesce(LISTENS.ALBUM_ID, inline(0L));
            parts.add(dsl.select(LISTENS.LOCAL_DAY.as("local_day"), LISTENS.TRACK_ID.as("track_id"),
                            album.as("album_id"), longSum(isPlay()).as("plays"),
                            sum(when(LISTENS.CLASSIFICATION.ne(SKIP), LISTENS.WEIGHT).otherwise(inline(0.0)))
                                    .cast(SQLDataType.DOUBLE).as("weighted_plays"),
                            longSum(isSkip()).as("skips"), longSum(playTime()).as("time_ms"),
                            longSum(estimatedTime()).as("estimated_time_ms"))
                    .from(LISTENS)
                    .where(LISTENS.USER_ID.eq(slice.userId()))
                    .and(edges(slice))
                    .and(narrowing.on(LISTENS.TRACK_ID, LISTENS.ALBUM_ID))
                    .groupBy(LISTENS.LOCAL_DAY, LISTENS.TRACK_ID, album));
        }
        return union(parts).asTable("s");
    }

    /**
     * Rows (local_day, plays, weighted_plays, skips, time_ms, estimated_time_ms) aliased "s": one per day, from the
     * per-day rollup for whole days (docs/performance.md: the timeline, streaks and the overview's figures read ~3,650
     * rows for ten years instead of one per day and track).
     */
    public static Table<Record> days(DSLContext dsl, Slice slice) {
        List<Select<? extends Record>> parts = new ArrayList<>(2);
        if (slice.hasWholeDays()) {
            parts.add(dsl.select(STATS_DAY.LOCAL_DAY.as("local_day"), STATS_DAY.PLAYS.as("plays"),
                            STATS_DAY.WEIGHTED_PLAYS.as("weighted_plays"), STATS_DAY.SKIPS.as("skips"),
                            STATS_DAY.TIME_MS.as("time_ms"), STATS_DAY.ESTIMATED_TIME_MS.as("estimated_time_ms"))
                    .from(STATS_DAY)
                    .where(STATS_DAY.USER_ID.eq(slice.userId()))
                    .and(STATS_DAY.LOCAL_DAY.ge(slice.firstDay()))
                    .and(STATS_DAY.LOCAL_DAY.lt(slice.endDay())));
        }
        if (!slice.edges().isEmpty() || parts.isEmpty()) {
            parts.add(dsl.select(LISTENS.LOCAL_DAY.as("local_day"), longSum(isPlay()).as("plays"), weighted(1),
                            longSum(isSkip()).as("skips"), longSum(playTime()).as("time_ms"),
                            longSum(estimatedTime()).as("estimated_time_ms"))
                    .from(LISTENS)
                    .where(LISTENS.USER_ID.eq(slice.userId()))
                    .and(edges(slice))
                    .groupBy(LISTENS.LOCAL_DAY));
        }
        return union(parts).asTable("s");
    }

    /**
     * Rows (track_id, album_id, plays, weighted_plays, skips, time_ms, estimated_time_ms) aliased "s", possibly
     * several per track: for a {@link Slice#wholeHistory()} slice the all-time rollup minus the raw listens outside the
     * range (rows with negative figures; group before testing plays), otherwise the rows of {@link #dayTrack}.
     */
    public static Table<Record> tracks(DSLContext dsl, Slice slice) {
        return tracks(dsl, slice, Narrowing.NONE);
    }

    /** As {@link #tracks(DSLContext, Slice)}, narrowed to some tracks/albums. */
    public static Table<Record> tracks(DSLContext dsl, Slice slice, Narrowing narrowing) {
        if (!slice.wholeHistory()) {
            return dayTrack(dsl, slice, narrowing);
        }
        long[] range = slice.outside();
        Field<Long> album = coalesce(LISTENS.ALBUM_ID, inline(0L));
        Select<? extends Record> all = dsl.select(STATS_TRACK.TRACK_ID.as("track_id"), STATS_TRACK.ALBUM_ID.as("album_id"),
                        STATS_TRACK.PLAYS.as("plays"), STATS_TRACK.WEIGHTED_PLAYS.as("weighted_plays"),
                        STATS_TRACK.SKIPS.as("skips"), STATS_TRACK.TIME_MS.as("time_ms"),
                        STATS_TRACK.ESTIMATED_TIME_MS.as("estimated_time_ms"))
                .from(STATS_TRACK)
                .where(STATS_TRACK.USER_ID.eq(slice.userId()))
                .and(narrowing.on(STATS_TRACK.TRACK_ID, STATS_TRACK.ALBUM_ID));
        // the listens outside [from, to): none before all_time's first day, after now only future-stamped ones; two
        // index ranges of ix_listens_user_time, normally empty. One negative row per listen, not grouped here: with a
        // GROUP BY track_id SQLite walks ix_listens_user_track_time, i.e. every listen of the user (EXPLAIN QUERY PLAN)
        Select<? extends Record> outside = dsl.select(LISTENS.TRACK_ID.as("track_id"), album.as("album_id"),
                        isPlay().neg().as("plays"),
                        when(LISTENS.CLASSIFICATION.ne(SKIP), LISTENS.WEIGHT.neg()).otherwise(inline(0.0))
                                .as("weighted_plays"),
                        isSkip().neg().as("skips"), playTime().neg().as("time_ms"),
                        estimatedTime().neg().as("estimated_time_ms"))
                .from(LISTENS)
                .where(LISTENS.USER_ID.eq(slice.userId()))
                .and(LISTENS.LISTENED_AT.lt(range[0]).or(LISTENS.LISTENED_AT.ge(range[1])))
                .and(narrowing.on(LISTENS.TRACK_ID, LISTENS.ALBUM_ID));
        return union(List.of(all, outside)).asTable("s");
    }

    private static Field<Double> weighted(int sign) {
        return sum(when(LISTENS.CLASSIFICATION.ne(SKIP), LISTENS.WEIGHT.mul(inline((double) sign)))
                .otherwise(inline(0.0))).cast(SQLDataType.DOUBLE).as("weighted_plays");
    }

    /**
     * As {@link #dayHour}, for a {@link Slice#wholeHistory()} slice from the all-time weekday × hour rollup (168 rows
     * at most; local_day is then a day of the same weekday in January 1970, which is all the heatmap and clock use)
     * minus the raw listens outside the range (negative rows).
     */
    public static Table<Record> hours(DSLContext dsl, Slice slice) {
        if (!slice.wholeHistory()) {
            return dayHour(dsl, slice);
        }
        long[] range = slice.outside();
        Field<Integer> hour = LISTENS.LOCAL_HOUR.cast(SQLDataType.INTEGER);
        // ISO weekday w (1 = Monday) → the epoch day (w + 3) % 7 has it (epoch day 0 was a Thursday)
        Select<? extends Record> all = dsl.select(
                        STATS_HOUR.WEEKDAY.cast(SQLDataType.INTEGER).plus(inline(3)).mod(inline(7)).as("local_day"),
                        STATS_HOUR.LOCAL_HOUR.cast(SQLDataType.INTEGER).as("local_hour"),
                        STATS_HOUR.PLAYS.as("plays"), STATS_HOUR.SKIPS.as("skips"), STATS_HOUR.TIME_MS.as("time_ms"))
                .from(STATS_HOUR)
                .where(STATS_HOUR.USER_ID.eq(slice.userId()));
        Select<? extends Record> outside = dsl.select(LISTENS.LOCAL_DAY.as("local_day"), hour.as("local_hour"),
                        longSum(isPlay()).neg().as("plays"), longSum(isSkip()).neg().as("skips"),
                        longSum(playTime()).neg().as("time_ms"))
                .from(LISTENS)
                .where(LISTENS.USER_ID.eq(slice.userId()))
                .and(LISTENS.LISTENED_AT.lt(range[0]).or(LISTENS.LISTENED_AT.ge(range[1])))
                .groupBy(LISTENS.LOCAL_DAY, hour);
        return union(List.of(all, outside)).asTable("s");
    }

    /** Rows (local_day, local_hour, plays, skips, time_ms) aliased "s". */
    public static Table<Record> dayHour(DSLContext dsl, Slice slice) {
        List<Select<? extends Record>> parts = new ArrayList<>(2);
        if (slice.hasWholeDays()) {
            parts.add(dsl.select(STATS_DAY_HOUR.LOCAL_DAY.as("local_day"),
                            STATS_DAY_HOUR.LOCAL_HOUR.cast(SQLDataType.INTEGER).as("local_hour"),
                            STATS_DAY_HOUR.PLAYS.as("plays"), STATS_DAY_HOUR.SKIPS.as("skips"),
                            STATS_DAY_HOUR.TIME_MS.as("time_ms"))
                    .from(STATS_DAY_HOUR)
                    .where(STATS_DAY_HOUR.USER_ID.eq(slice.userId()))
                    .and(STATS_DAY_HOUR.LOCAL_DAY.ge(slice.firstDay()))
                    .and(STATS_DAY_HOUR.LOCAL_DAY.lt(slice.endDay())));
        }
        if (!slice.edges().isEmpty() || parts.isEmpty()) {
            Field<Integer> hour = LISTENS.LOCAL_HOUR.cast(SQLDataType.INTEGER);
            parts.add(dsl.select(LISTENS.LOCAL_DAY.as("local_day"), hour.as("local_hour"),
                            longSum(isPlay()).as("plays"), longSum(isSkip()).as("skips"),
                            longSum(playTime()).as("time_ms"))
                    .from(LISTENS)
                    .where(LISTENS.USER_ID.eq(slice.userId()))
                    .and(edges(slice))
                    .groupBy(LISTENS.LOCAL_DAY, hour));
        }
        return union(parts).asTable("s");
    }

    @SuppressWarnings("unchecked")
    private static Select<Record> union(List<Select<? extends Record>> parts) {
        Select<Record> all = (Select<Record>) parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.unionAll((Select<Record>) parts.get(i));
        }
        return all;
    }
}
