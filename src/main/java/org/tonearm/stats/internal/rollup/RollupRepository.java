package org.tonearm.stats.internal.rollup;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.when;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.STATS_DAY;
import static org.tonearm.schema.Tables.STATS_DAY_HOUR;
import static org.tonearm.schema.Tables.STATS_DAY_TRACK;
import static org.tonearm.schema.Tables.STATS_HOUR;
import static org.tonearm.schema.Tables.STATS_TRACK;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/**
 * Set-wise upserts of rollup deltas: one multi-row {@code INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x} per
 * chunk (the same statement on SQLite ≥ 3.24 and PostgreSQL), then the rows a removal emptied are deleted, so the
 * tables hold exactly what a rebuild would write.
 */
@Repository
class RollupRepository {

    /** 9 columns × 500 rows stays far below SQLite's bind variable limit. */
    private static final int CHUNK = 500;

    record DayTrack(int day, long trackId, long albumId) {}

    record DayHour(int day, int hour) {}

    record TrackAlbum(long trackId, long albumId) {}

    /** ISO weekday (1 = Monday) and local hour. */
    record WeekHour(int weekday, int hour) {}

    private final Database database;

    RollupRepository(Database database) {
        this.database = database;
    }

    void applyDayTrack(long userId, Map<DayTrack, Delta> deltas) {
        DSLContext dsl = database.dsl();
        List<Map.Entry<DayTrack, Delta>> all = new ArrayList<>(deltas.entrySet());
        for (int i = 0; i < all.size(); i += CHUNK) {
            var insert = dsl.insertInto(STATS_DAY_TRACK, STATS_DAY_TRACK.USER_ID, STATS_DAY_TRACK.LOCAL_DAY,
                    STATS_DAY_TRACK.TRACK_ID, STATS_DAY_TRACK.ALBUM_ID, STATS_DAY_TRACK.PLAYS,
                    STATS_DAY_TRACK.WEIGHTED_PLAYS, STATS_DAY_TRACK.SKIPS, STATS_DAY_TRACK.TIME_MS,
                    STATS_DAY_TRACK.ESTIMATED_TIME_MS);
            for (Map.Entry<DayTrack, Delta> e : all.subList(i, Math.min(all.size(), i + CHUNK))) {
                Delta d = e.getValue();
                insert = insert.values(userId, e.getKey().day(), e.getKey().trackId(), e.getKey().albumId(), d.plays,
                        d.weighted, d.skips, d.time, d.estimated);
            }
            insert.onConflict(STATS_DAY_TRACK.USER_ID, STATS_DAY_TRACK.LOCAL_DAY, STATS_DAY_TRACK.TRACK_ID,
                            STATS_DAY_TRACK.ALBUM_ID)
                    .doUpdate()
                    .set(STATS_DAY_TRACK.PLAYS, STATS_DAY_TRACK.PLAYS.plus(excluded(STATS_DAY_TRACK.PLAYS)))
                    .set(STATS_DAY_TRACK.WEIGHTED_PLAYS,
                            STATS_DAY_TRACK.WEIGHTED_PLAYS.plus(excluded(STATS_DAY_TRACK.WEIGHTED_PLAYS)))
                    .set(STATS_DAY_TRACK.SKIPS, STATS_DAY_TRACK.SKIPS.plus(excluded(STATS_DAY_TRACK.SKIPS)))
                    .set(STATS_DAY_TRACK.TIME_MS, STATS_DAY_TRACK.TIME_MS.plus(excluded(STATS_DAY_TRACK.TIME_MS)))
                    .set(STATS_DAY_TRACK.ESTIMATED_TIME_MS,
                            STATS_DAY_TRACK.ESTIMATED_TIME_MS.plus(excluded(STATS_DAY_TRACK.ESTIMATED_TIME_MS)))
                    .execute();
        }
    }

    void applyDayHour(long userId, Map<DayHour, Delta> deltas) {
        DSLContext dsl = database.dsl();
        List<Map.Entry<DayHour, Delta>> all = new ArrayList<>(deltas.entrySet());
        for (int i = 0; i < all.size(); i += CHUNK) {
            var insert = dsl.insertInto(STATS_DAY_HOUR, STATS_DAY_HOUR.USER_ID, STATS_DAY_HOUR.LOCAL_DAY,
                    STATS_DAY_HOUR.LOCAL_HOUR, STATS_DAY_HOUR.PLAYS, STATS_DAY_HOUR.SKIPS, STATS_DAY_HOUR.TIME_MS);
            for (Map.Entry<DayHour, Delta> e : all.subList(i, Math.min(all.size(), i + CHUNK))) {
                Delta d = e.getValue();
                insert = insert.values(userId, e.getKey().day(), (short) e.getKey().hour(), d.plays, d.skips, d.time);
            }
            insert.onConflict(STATS_DAY_HOUR.USER_ID, STATS_DAY_HOUR.LOCAL_DAY, STATS_DAY_HOUR.LOCAL_HOUR)
                    .doUpdate()
                    .set(STATS_DAY_HOUR.PLAYS, STATS_DAY_HOUR.PLAYS.plus(excluded(STATS_DAY_HOUR.PLAYS)))
                    .set(STATS_DAY_HOUR.SKIPS, STATS_DAY_HOUR.SKIPS.plus(excluded(STATS_DAY_HOUR.SKIPS)))
                    .set(STATS_DAY_HOUR.TIME_MS, STATS_DAY_HOUR.TIME_MS.plus(excluded(STATS_DAY_HOUR.TIME_MS)))
                    .execute();
        }
    }

    void applyDay(long userId, Map<Integer, Delta> deltas) {
        DSLContext dsl = database.dsl();
        List<Map.Entry<Integer, Delta>> all = new ArrayList<>(deltas.entrySet());
        for (int i = 0; i < all.size(); i += CHUNK) {
            var insert = dsl.insertInto(STATS_DAY, STATS_DAY.USER_ID, STATS_DAY.LOCAL_DAY, STATS_DAY.PLAYS,
                    STATS_DAY.WEIGHTED_PLAYS, STATS_DAY.SKIPS, STATS_DAY.TIME_MS, STATS_DAY.ESTIMATED_TIME_MS);
            for (Map.Entry<Integer, Delta> e : all.subList(i, Math.min(all.size(), i + CHUNK))) {
                Delta d = e.getValue();
                insert = insert.values(userId, e.getKey(), d.plays, d.weighted, d.skips, d.time, d.estimated);
            }
            insert.onConflict(STATS_DAY.USER_ID, STATS_DAY.LOCAL_DAY)
                    .doUpdate()
                    .set(STATS_DAY.PLAYS, STATS_DAY.PLAYS.plus(excluded(STATS_DAY.PLAYS)))
                    .set(STATS_DAY.WEIGHTED_PLAYS, STATS_DAY.WEIGHTED_PLAYS.plus(excluded(STATS_DAY.WEIGHTED_PLAYS)))
                    .set(STATS_DAY.SKIPS, STATS_DAY.SKIPS.plus(excluded(STATS_DAY.SKIPS)))
                    .set(STATS_DAY.TIME_MS, STATS_DAY.TIME_MS.plus(excluded(STATS_DAY.TIME_MS)))
                    .set(STATS_DAY.ESTIMATED_TIME_MS,
                            STATS_DAY.ESTIMATED_TIME_MS.plus(excluded(STATS_DAY.ESTIMATED_TIME_MS)))
                    .execute();
        }
    }

    void applyTrack(long userId, Map<TrackAlbum, Delta> deltas) {
        DSLContext dsl = database.dsl();
        List<Map.Entry<TrackAlbum, Delta>> all = new ArrayList<>(deltas.entrySet());
        for (int i = 0; i < all.size(); i += CHUNK) {
            var insert = dsl.insertInto(STATS_TRACK, STATS_TRACK.USER_ID, STATS_TRACK.TRACK_ID, STATS_TRACK.ALBUM_ID,
                    STATS_TRACK.PLAYS, STATS_TRACK.WEIGHTED_PLAYS, STATS_TRACK.SKIPS, STATS_TRACK.TIME_MS,
                    STATS_TRACK.ESTIMATED_TIME_MS, STATS_TRACK.FIRST_AT);
            for (Map.Entry<TrackAlbum, Delta> e : all.subList(i, Math.min(all.size(), i + CHUNK))) {
                Delta d = e.getValue();
                insert = insert.values(userId, e.getKey().trackId(), e.getKey().albumId(), d.plays, d.weighted,
                        d.skips, d.time, d.estimated, d.firstAt);
            }
            Field<Long> first = STATS_TRACK.FIRST_AT;
            Field<Long> added = excluded(STATS_TRACK.FIRST_AT);
            insert.onConflict(STATS_TRACK.USER_ID, STATS_TRACK.TRACK_ID, STATS_TRACK.ALBUM_ID)
                    .doUpdate()
                    .set(STATS_TRACK.PLAYS, STATS_TRACK.PLAYS.plus(excluded(STATS_TRACK.PLAYS)))
                    .set(STATS_TRACK.WEIGHTED_PLAYS,
                            STATS_TRACK.WEIGHTED_PLAYS.plus(excluded(STATS_TRACK.WEIGHTED_PLAYS)))
                    .set(STATS_TRACK.SKIPS, STATS_TRACK.SKIPS.plus(excluded(STATS_TRACK.SKIPS)))
                    .set(STATS_TRACK.TIME_MS, STATS_TRACK.TIME_MS.plus(excluded(STATS_TRACK.TIME_MS)))
                    .set(STATS_TRACK.ESTIMATED_TIME_MS,
                            STATS_TRACK.ESTIMATED_TIME_MS.plus(excluded(STATS_TRACK.ESTIMATED_TIME_MS)))
                    // the earlier of the two (removals recompute it: recomputeFirst)
                    .set(first, when(added.isNull(), first).when(first.isNull().or(added.lt(first)), added)
                            .otherwise(first))
                    .execute();
        }
    }

    /**
     * After removals: the first play of these tracks' rows again from the listens (a removed listen may have been the
     * first), one indexed range of ix_listens_user_track_time per row.
     */
    void recomputeFirst(long userId, Collection<Long> tracks) {
        DSLContext dsl = database.dsl();
        List<Long> all = new ArrayList<>(tracks);
        for (int i = 0; i < all.size(); i += 5000) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 5000));
            dsl.update(STATS_TRACK)
                    .set(STATS_TRACK.FIRST_AT, dsl.select(min(LISTENS.LISTENED_AT)).from(LISTENS)
                            .where(LISTENS.USER_ID.eq(STATS_TRACK.USER_ID), LISTENS.TRACK_ID.eq(STATS_TRACK.TRACK_ID),
                                    coalesce(LISTENS.ALBUM_ID, inline(0L)).eq(STATS_TRACK.ALBUM_ID),
                                    LISTENS.CLASSIFICATION.ne("SKIP")))
                    .where(STATS_TRACK.USER_ID.eq(userId), STATS_TRACK.TRACK_ID.in(chunk))
                    .execute();
        }
    }

    void applyHour(long userId, Map<WeekHour, Delta> deltas) {
        DSLContext dsl = database.dsl();
        var insert = dsl.insertInto(STATS_HOUR, STATS_HOUR.USER_ID, STATS_HOUR.WEEKDAY, STATS_HOUR.LOCAL_HOUR,
                STATS_HOUR.PLAYS, STATS_HOUR.SKIPS, STATS_HOUR.TIME_MS);
        for (Map.Entry<WeekHour, Delta> e : deltas.entrySet()) { // at most 7 × 24 rows
            Delta d = e.getValue();
            insert = insert.values(userId, (short) e.getKey().weekday(), (short) e.getKey().hour(), d.plays, d.skips,
                    d.time);
        }
        insert.onConflict(STATS_HOUR.USER_ID, STATS_HOUR.WEEKDAY, STATS_HOUR.LOCAL_HOUR)
                .doUpdate()
                .set(STATS_HOUR.PLAYS, STATS_HOUR.PLAYS.plus(excluded(STATS_HOUR.PLAYS)))
                .set(STATS_HOUR.SKIPS, STATS_HOUR.SKIPS.plus(excluded(STATS_HOUR.SKIPS)))
                .set(STATS_HOUR.TIME_MS, STATS_HOUR.TIME_MS.plus(excluded(STATS_HOUR.TIME_MS)))
                .execute();
    }

    /** Deletes the all-time rows of these tracks that no listen backs any more (after removals). */
    void deleteEmptyTracks(long userId, Collection<Long> tracks) {
        DSLContext dsl = database.dsl();
        List<Long> all = new ArrayList<>(tracks);
        for (int i = 0; i < all.size(); i += 5000) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 5000));
            dsl.deleteFrom(STATS_TRACK).where(STATS_TRACK.USER_ID.eq(userId), STATS_TRACK.TRACK_ID.in(chunk),
                    STATS_TRACK.PLAYS.eq(0L), STATS_TRACK.SKIPS.eq(0L)).execute();
        }
    }

    /** Deletes the rows of these days that no listen backs any more (after removals). */
    void deleteEmpty(long userId, Collection<Integer> days) {
        DSLContext dsl = database.dsl();
        List<Integer> all = new ArrayList<>(days);
        for (int i = 0; i < all.size(); i += 5000) {
            List<Integer> chunk = all.subList(i, Math.min(all.size(), i + 5000));
            dsl.deleteFrom(STATS_DAY_TRACK).where(STATS_DAY_TRACK.USER_ID.eq(userId),
                    STATS_DAY_TRACK.LOCAL_DAY.in(chunk), STATS_DAY_TRACK.PLAYS.eq(0L), STATS_DAY_TRACK.SKIPS.eq(0L))
                    .execute();
            dsl.deleteFrom(STATS_DAY_HOUR).where(STATS_DAY_HOUR.USER_ID.eq(userId),
                    STATS_DAY_HOUR.LOCAL_DAY.in(chunk), STATS_DAY_HOUR.PLAYS.eq(0L), STATS_DAY_HOUR.SKIPS.eq(0L))
                    .execute();
            dsl.deleteFrom(STATS_DAY).where(STATS_DAY.USER_ID.eq(userId), STATS_DAY.LOCAL_DAY.in(chunk),
                    STATS_DAY.PLAYS.eq(0L), STATS_DAY.SKIPS.eq(0L)).execute();
        }
        dsl.deleteFrom(STATS_HOUR).where(STATS_HOUR.USER_ID.eq(userId), STATS_HOUR.PLAYS.eq(0L),
                STATS_HOUR.SKIPS.eq(0L)).execute();
    }
}
