package org.tonearm.stats.internal.rollup;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.STATS_DAY_HOUR;
import static org.tonearm.schema.Tables.STATS_DAY_TRACK;

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
    public record Report(long userId, int dayTrackAdded, int dayTrackRemoved, int dayHourAdded, int dayHourRemoved) {

        public boolean changed() {
            return dayTrackAdded + dayTrackRemoved + dayHourAdded + dayHourRemoved > 0;
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
        Report report = new Report(userId, difference(dsl, expectedTracks.get(), actualTracks.get()),
                difference(dsl, actualTracks.get(), expectedTracks.get()),
                difference(dsl, expectedHours.get(), actualHours.get()),
                difference(dsl, actualHours.get(), expectedHours.get()));
        if (repair && report.changed()) {
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

    static Select<? extends Record> expectedDayHour(DSLContext dsl, long userId) {
        Field<Integer> hour = LISTENS.LOCAL_HOUR.cast(SQLDataType.INTEGER);
        return dsl.select(LISTENS.LOCAL_DAY, hour.as("local_hour"), Sources.longSum(Sources.isPlay()).as("plays"),
                        Sources.longSum(Sources.isSkip()).as("skips"), Sources.longSum(Sources.playTime()).as("time_ms"))
                .from(LISTENS).where(LISTENS.USER_ID.eq(userId))
                .groupBy(LISTENS.LOCAL_DAY, hour);
    }
}
