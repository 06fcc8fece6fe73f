package org.tonearm.stats.internal.rollup;

import static org.jooq.impl.DSL.excluded;
import static org.tonearm.schema.Tables.STATS_DAY_HOUR;
import static org.tonearm.schema.Tables.STATS_DAY_TRACK;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
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
        }
    }
}
