package org.tonearm.stats.internal.rollup;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.STATS_DAY;
import static org.tonearm.schema.Tables.STATS_DAY_HOUR;
import static org.tonearm.schema.Tables.STATS_DAY_TRACK;
import static org.tonearm.schema.Tables.STATS_HOUR;
import static org.tonearm.schema.Tables.STATS_TRACK;

import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.internal.query.Sources;

/**
 * Recomputes a user's rollups from the raw listens with one GROUP BY per table, and reports what differed: rows only
 * in the recomputation ({@code added}) and rows only in the tables ({@code removed}); a changed row counts once in
 * each. When nothing differs nothing is written (a rebuild of correct rollups changes nothing).
 */
@Component
public class RollupRebuilder {

    /** What a rebuild changed in one user's rollups. */
    public record Report(long userId, int dayTrackAdded, int dayTrackRemoved, int dayHourAdded, int dayHourRemoved,
            int dayAdded, int dayRemoved, int trackAdded, int trackRemoved, int hourAdded, int hourRemoved) {

        public boolean changed() {
            return dayTrackAdded + dayTrackRemoved + dayHourAdded + dayHourRemoved + dayAdded + dayRemoved + trackAdded
                    + trackRemoved + hourAdded + hourRemoved > 0;
        }
    }

    private final Database database;

    public RollupRebuilder(Database database) {
        this.database = database;
    }

    /** Must run inside {@code Database.write}. */
    public Report rebuild(long userId) {
        return rebuild(userId, true);
    }

    /** What {@link #rebuild} would change, without changing it (tests check the rollups after every write with it). */
    public Report check(long userId) {
        return rebuild(userId, false);
    }

    private Report rebuild(long userId, boolean repair) {
        DSLContext dsl = database.dsl();
        if (repair) {
            // rollup rows only for an existing user, and not beside a concurrent ingest of the same user: on PostgreSQL
            // the rollups have no foreign key to users (changeset 202612071300-stats-rollups-user-reference)
            database.lockUser(userId);
        }
        // jOOQ's set operations modify the left query in place: every comparison gets freshly built queries
        Supplier<Select<? extends Record>> expectedTracks = () -> expectedDayTrack(dsl, userId);
        Supplier<Select<? extends Record>> actualTracks = () -> dsl.select(STATS_DAY_TRACK.LOCAL_DAY,
                        STATS_DAY_TRACK.TRACK_ID, STATS_DAY_TRACK.ALBUM_ID, STATS_DAY_TRACK.PLAYS,
                        STATS_DAY_TRACK.WEIGHTED_PLAYS, STATS_DAY_TRACK.SKIPS, STATS_DAY_TRACK.TIME_MS,
                        STATS_DAY_TRACK.ESTIMATED_TIME_MS)
                .from(STATS_DAY_TRACK).where(STATS_DAY_TRACK.USER_ID.eq(userId));
        Supplier<Select<? extends Record>> expectedHours = () -> expectedDayHour(dsl, userId);
        Supplier<Select<? extends Record>> actualHours = () -> dsl.select(STATS_DAY_HOUR.LOCAL_DAY,
                        STATS_DAY_HOUR.LOCAL_HOUR.cast(SQLDataType.INTEGER), STATS_DAY_HOUR.PLAYS, STATS_DAY_HOUR.SKIPS,
                        STATS_DAY_HOUR.TIME_MS)
                .from(STATS_DAY_HOUR).where(STATS_DAY_HOUR.USER_ID.eq(userId));
        Supplier<Select<? extends Record>> expectedDays = () -> expectedDay(dsl, userId);
        Supplier<Select<? extends Record>> actualDays = () -> dsl.select(STATS_DAY.LOCAL_DAY, STATS_DAY.PLAYS,
                        STATS_DAY.WEIGHTED_PLAYS, STATS_DAY.SKIPS, STATS_DAY.TIME_MS, STATS_DAY.ESTIMATED_TIME_MS)
                .from(STATS_DAY).where(STATS_DAY.USER_ID.eq(userId));
        Supplier<Select<? extends Record>> expectedTotals = () -> expectedTrack(dsl, userId);
        Supplier<Select<? extends Record>> actualTotals = () -> dsl.select(STATS_TRACK.TRACK_ID, STATS_TRACK.ALBUM_ID,
                        STATS_TRACK.PLAYS, STATS_TRACK.WEIGHTED_PLAYS, STATS_TRACK.SKIPS, STATS_TRACK.TIME_MS,
                        STATS_TRACK.ESTIMATED_TIME_MS, STATS_TRACK.FIRST_AT)
                .from(STATS_TRACK).where(STATS_TRACK.USER_ID.eq(userId));
        Supplier<Select<? extends Record>> expectedWeekHours = () -> expectedHour(dsl, userId);
        Supplier<Select<? extends Record>> actualWeekHours = () -> dsl.select(
                        STATS_HOUR.WEEKDAY.cast(SQLDataType.INTEGER), STATS_HOUR.LOCAL_HOUR.cast(SQLDataType.INTEGER),
                        STATS_HOUR.PLAYS, STATS_HOUR.SKIPS, STATS_HOUR.TIME_MS)
                .from(STATS_HOUR).where(STATS_HOUR.USER_ID.eq(userId));
        Report report = new Report(userId, difference(dsl, expectedTracks.get(), actualTracks.get()),
                difference(dsl, actualTracks.get(), expectedTracks.get()),
                difference(dsl, expectedHours.get(), actualHours.get()),
                difference(dsl, actualHours.get(), expectedHours.get()),
                difference(dsl, expectedDays.get(), actualDays.get()),
                difference(dsl, actualDays.get(), expectedDays.get()),
                difference(dsl, expectedTotals.get(), actualTotals.get()),
                difference(dsl, actualTotals.get(), expectedTotals.get()),
                difference(dsl, expectedWeekHours.get(), actualWeekHours.get()),
                difference(dsl, actualWeekHours.get(), expectedWeekHours.get()));
        if (repair && report.changed()) {
            Table<?> weekHours = expectedWeekHours.get().asTable("e");
            dsl.deleteFrom(STATS_HOUR).where(STATS_HOUR.USER_ID.eq(userId)).execute();
            dsl.insertInto(STATS_HOUR).columns(List.of(STATS_HOUR.USER_ID, STATS_HOUR.WEEKDAY, STATS_HOUR.LOCAL_HOUR,
                            STATS_HOUR.PLAYS, STATS_HOUR.SKIPS, STATS_HOUR.TIME_MS))
                    .select(dsl.select(inline(userId).as("user_id"), weekHours.asterisk()).from(weekHours))
                    .execute();
            Table<?> days = expectedDays.get().asTable("e");
            Table<?> totals = expectedTotals.get().asTable("e");
            dsl.deleteFrom(STATS_DAY).where(STATS_DAY.USER_ID.eq(userId)).execute();
            dsl.deleteFrom(STATS_TRACK).where(STATS_TRACK.USER_ID.eq(userId)).execute();
            dsl.insertInto(STATS_DAY).columns(List.of(STATS_DAY.USER_ID, STATS_DAY.LOCAL_DAY, STATS_DAY.PLAYS,
                            STATS_DAY.WEIGHTED_PLAYS, STATS_DAY.SKIPS, STATS_DAY.TIME_MS, STATS_DAY.ESTIMATED_TIME_MS))
                    .select(dsl.select(inline(userId).as("user_id"), days.asterisk()).from(days))
                    .execute();
            dsl.insertInto(STATS_TRACK).columns(List.of(STATS_TRACK.USER_ID, STATS_TRACK.TRACK_ID,
                            STATS_TRACK.ALBUM_ID, STATS_TRACK.PLAYS, STATS_TRACK.WEIGHTED_PLAYS, STATS_TRACK.SKIPS,
                            STATS_TRACK.TIME_MS, STATS_TRACK.ESTIMATED_TIME_MS, STATS_TRACK.FIRST_AT))
                    .select(dsl.select(inline(userId).as("user_id"), totals.asterisk()).from(totals))
                    .execute();
            Table<?> tracks = expectedTracks.get().asTable("e");
            Table<?> hours = expectedHours.get().asTable("e");
            dsl.deleteFrom(STATS_DAY_TRACK).where(STATS_DAY_TRACK.USER_ID.eq(userId)).execute();
            dsl.deleteFrom(STATS_DAY_HOUR).where(STATS_DAY_HOUR.USER_ID.eq(userId)).execute();
            dsl.insertInto(STATS_DAY_TRACK).columns(List.of(STATS_DAY_TRACK.USER_ID, STATS_DAY_TRACK.LOCAL_DAY,
                            STATS_DAY_TRACK.TRACK_ID, STATS_DAY_TRACK.ALBUM_ID, STATS_DAY_TRACK.PLAYS,
                            STATS_DAY_TRACK.WEIGHTED_PLAYS, STATS_DAY_TRACK.SKIPS, STATS_DAY_TRACK.TIME_MS,
                            STATS_DAY_TRACK.ESTIMATED_TIME_MS))
                    .select(dsl.select(inline(userId).as("user_id"), tracks.asterisk()).from(tracks))
                    .execute();
            dsl.insertInto(STATS_DAY_HOUR).columns(List.of(STATS_DAY_HOUR.USER_ID, STATS_DAY_HOUR.LOCAL_DAY,
                            STATS_DAY_HOUR.LOCAL_HOUR, STATS_DAY_HOUR.PLAYS, STATS_DAY_HOUR.SKIPS, STATS_DAY_HOUR.TIME_MS))
                    .select(dsl.select(inline(userId).as("user_id"), hours.asterisk()).from(hours))
                    .execute();
        }
        return report;
    }

    /** The users that have listens or rollups. */
    public List<Long> users() {
        DSLContext dsl = database.dsl();
        return dsl.selectDistinct(LISTENS.USER_ID).from(LISTENS)
                .union(dsl.selectDistinct(STATS_DAY_TRACK.USER_ID).from(STATS_DAY_TRACK))
                .fetch(0, Long.class).stream().sorted().toList();
    }

    private static int difference(DSLContext dsl, Select<? extends Record> a, Select<? extends Record> b) {
        @SuppressWarnings("unchecked")
        Select<Record> left = (Select<Record>) a;
        @SuppressWarnings("unchecked")
        Select<Record> right = (Select<Record>) b;
        return dsl.fetchCount(left.except(right));
    }

    /** The rows the rollup tables must hold, straight from the listens (the same sums as {@link Sources}). */
    static Select<? extends Record> expectedDayTrack(DSLContext dsl, long userId) {
        Field<Long> album = coalesce(LISTENS.ALBUM_ID, inline(0L));
        return dsl.select(LISTENS.LOCAL_DAY, LISTENS.TRACK_ID, album.as("album_id"),
                        Sources.longSum(Sources.isPlay()).as("plays"),
                        sum(when(LISTENS.CLASSIFICATION.ne("SKIP"), LISTENS.WEIGHT).otherwise(inline(0.0)))
                                .cast(SQLDataType.DOUBLE).as("weighted_plays"),
                        Sources.longSum(Sources.isSkip()).as("skips"), Sources.longSum(Sources.playTime()).as("time_ms"),
                        Sources.longSum(Sources.estimatedTime()).as("estimated_time_ms"))
                .from(LISTENS).where(LISTENS.USER_ID.eq(userId))
                .groupBy(LISTENS.LOCAL_DAY, LISTENS.TRACK_ID, album);
    }

    static Select<? extends Record> expectedDay(DSLContext dsl, long userId) {
        return dsl.select(LISTENS.LOCAL_DAY, Sources.longSum(Sources.isPlay()).as("plays"), weightedPlays(),
                        Sources.longSum(Sources.isSkip()).as("skips"), Sources.longSum(Sources.playTime()).as("time_ms"),
                        Sources.longSum(Sources.estimatedTime()).as("estimated_time_ms"))
                .from(LISTENS).where(LISTENS.USER_ID.eq(userId))
                .groupBy(LISTENS.LOCAL_DAY);
    }

    /** ISO weekday: epoch day 0 (1970-01-01) was a Thursday; before 1970 the remainder is negative. */
    static Select<? extends Record> expectedHour(DSLContext dsl, long userId) {
        Field<Integer> weekday = LISTENS.LOCAL_DAY.mod(inline(7)).plus(inline(10)).mod(inline(7)).plus(inline(1));
        Field<Integer> hour = LISTENS.LOCAL_HOUR.cast(SQLDataType.INTEGER);
        return dsl.select(weekday.as("weekday"), hour.as("local_hour"), Sources.longSum(Sources.isPlay()).as("plays"),
                        Sources.longSum(Sources.isSkip()).as("skips"), Sources.longSum(Sources.playTime()).as("time_ms"))
                .from(LISTENS).where(LISTENS.USER_ID.eq(userId))
                .groupBy(weekday, hour);
    }

    static Select<? extends Record> expectedTrack(DSLContext dsl, long userId) {
        Field<Long> album = coalesce(LISTENS.ALBUM_ID, inline(0L));
        return dsl.select(LISTENS.TRACK_ID, album.as("album_id"), Sources.longSum(Sources.isPlay()).as("plays"),
                        weightedPlays(), Sources.longSum(Sources.isSkip()).as("skips"),
                        Sources.longSum(Sources.playTime()).as("time_ms"),
                        Sources.longSum(Sources.estimatedTime()).as("estimated_time_ms"),
                        min(when(LISTENS.CLASSIFICATION.ne("SKIP"), LISTENS.LISTENED_AT)).as("first_at"))
                .from(LISTENS).where(LISTENS.USER_ID.eq(userId))
                .groupBy(LISTENS.TRACK_ID, album);
    }

    private static Field<Double> weightedPlays() {
        return sum(when(LISTENS.CLASSIFICATION.ne("SKIP"), LISTENS.WEIGHT).otherwise(inline(0.0)))
                .cast(SQLDataType.DOUBLE).as("weighted_plays");
    }

    static Select<? extends Record> expectedDayHour(DSLContext dsl, long userId) {
        Field<Integer> hour = LISTENS.LOCAL_HOUR.cast(SQLDataType.INTEGER);
        return dsl.select(LISTENS.LOCAL_DAY, hour.as("local_hour"), Sources.longSum(Sources.isPlay()).as("plays"),
                        Sources.longSum(Sources.isSkip()).as("skips"), Sources.longSum(Sources.playTime()).as("time_ms"))
                .from(LISTENS).where(LISTENS.USER_ID.eq(userId))
                .groupBy(LISTENS.LOCAL_DAY, hour);
    }
}
