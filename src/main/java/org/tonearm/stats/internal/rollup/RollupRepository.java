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

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/**
 * Set-wise upserts of rollup deltas: {@code INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x} per table, one
 * statement per batch on PostgreSQL and one prepared statement stepped per row on SQLite ({@link #upsert}); then the
 * rows a removal emptied are deleted, so the tables hold exactly what a rebuild would write.
 */
@Repository
class RollupRepository {

    record DayTrack(int day, long trackId, long albumId) {}

    record DayHour(int day, int hour) {}

    record TrackAlbum(long trackId, long albumId) {}

    /** ISO weekday (1 = Monday) and local hour. */
    record WeekHour(int weekday, int hour) {}

    private final Database database;
    /** Rendered upserts by table (see {@link #upsert}). */
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    RollupRepository(Database database) {
        this.database = database;
    }

    void applyDayTrack(long userId, Map<DayTrack, Delta> deltas) {
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((k, d) -> rows.add(new Object[] {userId, k.day(), k.trackId(), k.albumId(), d.plays, d.weighted,
            d.skips, d.time, d.estimated}));
        upsert("day_track", rows, List.of("int8", "int4", "int8", "int8", "int8", "float8", "int8", "int8", "int8"), () -> {
            var insert = database.dsl().insertInto(STATS_DAY_TRACK, STATS_DAY_TRACK.USER_ID, STATS_DAY_TRACK.LOCAL_DAY,
                    STATS_DAY_TRACK.TRACK_ID, STATS_DAY_TRACK.ALBUM_ID, STATS_DAY_TRACK.PLAYS,
                    STATS_DAY_TRACK.WEIGHTED_PLAYS, STATS_DAY_TRACK.SKIPS, STATS_DAY_TRACK.TIME_MS,
                    STATS_DAY_TRACK.ESTIMATED_TIME_MS)
                    .values(0L, 0, 0L, 0L, 0L, 0.0, 0L, 0L, 0L);
            return insert.onConflict(STATS_DAY_TRACK.USER_ID, STATS_DAY_TRACK.LOCAL_DAY, STATS_DAY_TRACK.TRACK_ID,
                            STATS_DAY_TRACK.ALBUM_ID)
                    .doUpdate()
                    .set(addingUp(STATS_DAY_TRACK.PLAYS, STATS_DAY_TRACK.WEIGHTED_PLAYS, STATS_DAY_TRACK.SKIPS,
                            STATS_DAY_TRACK.TIME_MS, STATS_DAY_TRACK.ESTIMATED_TIME_MS));
        });
    }

    void applyDayHour(long userId, Map<DayHour, Delta> deltas) {
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((k, d) -> rows.add(new Object[] {userId, k.day(), (short) k.hour(), d.plays, d.skips, d.time}));
        upsert("day_hour", rows, List.of("int8", "int4", "int2", "int8", "int8", "int8"), () -> {
            var insert = database.dsl().insertInto(STATS_DAY_HOUR, STATS_DAY_HOUR.USER_ID, STATS_DAY_HOUR.LOCAL_DAY,
                    STATS_DAY_HOUR.LOCAL_HOUR, STATS_DAY_HOUR.PLAYS, STATS_DAY_HOUR.SKIPS, STATS_DAY_HOUR.TIME_MS)
                    .values(0L, 0, (short) 0, 0L, 0L, 0L);
            return insert.onConflict(STATS_DAY_HOUR.USER_ID, STATS_DAY_HOUR.LOCAL_DAY, STATS_DAY_HOUR.LOCAL_HOUR)
                    .doUpdate()
                    .set(addingUp(STATS_DAY_HOUR.PLAYS, STATS_DAY_HOUR.SKIPS, STATS_DAY_HOUR.TIME_MS));
        });
    }

    void applyDay(long userId, Map<Integer, Delta> deltas) {
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((day, d) -> rows.add(new Object[] {userId, day, d.plays, d.weighted, d.skips, d.time,
            d.estimated}));
        upsert("day", rows, List.of("int8", "int4", "int8", "float8", "int8", "int8", "int8"), () -> {
            var insert = database.dsl().insertInto(STATS_DAY, STATS_DAY.USER_ID, STATS_DAY.LOCAL_DAY, STATS_DAY.PLAYS,
                    STATS_DAY.WEIGHTED_PLAYS, STATS_DAY.SKIPS, STATS_DAY.TIME_MS, STATS_DAY.ESTIMATED_TIME_MS)
                    .values(0L, 0, 0L, 0.0, 0L, 0L, 0L);
            return insert.onConflict(STATS_DAY.USER_ID, STATS_DAY.LOCAL_DAY)
                    .doUpdate()
                    .set(addingUp(STATS_DAY.PLAYS, STATS_DAY.WEIGHTED_PLAYS, STATS_DAY.SKIPS, STATS_DAY.TIME_MS,
                            STATS_DAY.ESTIMATED_TIME_MS));
        });
    }

    void applyTrack(long userId, Map<TrackAlbum, Delta> deltas) {
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((k, d) -> rows.add(new Object[] {userId, k.trackId(), k.albumId(), d.plays, d.weighted, d.skips,
            d.time, d.estimated, d.firstAt}));
        upsert("track", rows, List.of("int8", "int8", "int8", "int8", "float8", "int8", "int8", "int8", "int8"), () -> {
            var insert = database.dsl().insertInto(STATS_TRACK, STATS_TRACK.USER_ID, STATS_TRACK.TRACK_ID,
                    STATS_TRACK.ALBUM_ID, STATS_TRACK.PLAYS, STATS_TRACK.WEIGHTED_PLAYS, STATS_TRACK.SKIPS,
                    STATS_TRACK.TIME_MS, STATS_TRACK.ESTIMATED_TIME_MS, STATS_TRACK.FIRST_AT)
                    .values(0L, 0L, 0L, 0L, 0.0, 0L, 0L, 0L, 0L);
            Field<Long> first = STATS_TRACK.FIRST_AT;
            Field<Long> added = excluded(STATS_TRACK.FIRST_AT);
            return insert.onConflict(STATS_TRACK.USER_ID, STATS_TRACK.TRACK_ID, STATS_TRACK.ALBUM_ID)
                    .doUpdate()
                    .set(addingUp(STATS_TRACK.PLAYS, STATS_TRACK.WEIGHTED_PLAYS, STATS_TRACK.SKIPS,
                            STATS_TRACK.TIME_MS, STATS_TRACK.ESTIMATED_TIME_MS))
                    // the earlier of the two (removals recompute it: recomputeFirst)
                    .set(first, when(added.isNull(), first).when(first.isNull().or(added.lt(first)), added)
                            .otherwise(first));
        });
    }

    void applyHour(long userId, Map<WeekHour, Delta> deltas) {
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((k, d) -> rows.add(new Object[] {userId, (short) k.weekday(), (short) k.hour(), d.plays, d.skips,
            d.time}));
        upsert("hour", rows, List.of("int8", "int2", "int2", "int8", "int8", "int8"), () -> {
            var insert = database.dsl().insertInto(STATS_HOUR, STATS_HOUR.USER_ID, STATS_HOUR.WEEKDAY,
                    STATS_HOUR.LOCAL_HOUR, STATS_HOUR.PLAYS, STATS_HOUR.SKIPS, STATS_HOUR.TIME_MS)
                    .values(0L, (short) 0, (short) 0, 0L, 0L, 0L);
            return insert.onConflict(STATS_HOUR.USER_ID, STATS_HOUR.WEEKDAY, STATS_HOUR.LOCAL_HOUR)
                    .doUpdate()
                    .set(addingUp(STATS_HOUR.PLAYS, STATS_HOUR.SKIPS, STATS_HOUR.TIME_MS));
        });
    }

    /** The upsert's update of counters: each adds the new row's value to the stored one ({@code c + excluded.c}). */
    private static Map<Field<?>, Field<?>> addingUp(Field<?>... counters) {
        Map<Field<?>, Field<?>> sums = new LinkedHashMap<>();
        for (Field<?> counter : counters) {
            @SuppressWarnings("unchecked")
            Field<Number> c = (Field<Number>) counter;
            sums.put(c, c.plus(excluded(c)));
        }
        return sums;
    }

    /**
     * Runs {@code rows} through the single-row upsert {@code template} renders, as one statement of a fixed text per
     * table, whatever the batch: the SQL is rendered by jOOQ once and bound by JDBC (rendering per batch was the
     * rollups' main client cost, docs/performance.md "Ingest with rollup maintenance").
     * <ul>
     * <li>PostgreSQL: the single row's {@code VALUES (?, …)} becomes {@code SELECT * FROM unnest(?::int8[], …)}, one
     * array per column — one statement per table and batch, parsed and planned in microseconds. A multi-row
     * {@code VALUES} of 500 rows × 9 parameters was parsed and planned anew on every execution
     * ({@code prepareThreshold=0}, DataSourceConfiguration) and made the rollups cost as much as the listens' insert.
     * <li>SQLite: the single-row statement prepared once per call and stepped per row (a JDBC batch): compiling a
     * 500-row statement took as long as running it (JFR, ingest-ratio, docs/performance.md).
     * </ul>
     * Keys are unique within {@code rows} (the caller sums per key), which PostgreSQL's {@code ON CONFLICT} requires.
     *
     * @param arrayTypes PostgreSQL's element type of each column, in the order of the template's columns
     */
    private void upsert(String name, List<Object[]> rows, List<String> arrayTypes, Supplier<Query> template) {
        DSLContext dsl = database.dsl();
        boolean postgres = dsl.family() == SQLDialect.POSTGRES;
        String sql = rendered.computeIfAbsent(name, k -> {
            String single = template.get().getSQL(ParamType.INDEXED);
            return postgres ? unnesting(single, arrayTypes) : single;
        });
        dsl.connection(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                if (postgres) {
                    for (int c = 0; c < arrayTypes.size(); c++) {
                        Object[] column = new Object[rows.size()];
                        for (int r = 0; r < column.length; r++) {
                            column[r] = rows.get(r)[c];
                        }
                        ps.setArray(c + 1, connection.createArrayOf(arrayTypes.get(c), column));
                    }
                    ps.executeUpdate();
                    return;
                }
                for (Object[] row : rows) {
                    for (int c = 0; c < row.length; c++) {
                        if (row[c] == null) {
                            ps.setNull(c + 1, Types.BIGINT); // first_at of a pair with skips only
                        } else {
                            ps.setObject(c + 1, row[c]);
                        }
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /**
     * jOOQ's single-row upsert with its {@code VALUES (…)} (placeholders, some in a cast) read from one array per column
     * instead. Fails on anything but one row of exactly {@code arrayTypes.size()} placeholders, at the first use.
     */
    static String unnesting(String singleRow, List<String> arrayTypes) {
        int open = singleRow.indexOf("values (");
        int depth = 0;
        int close = -1;
        for (int i = open + "values ".length(); open >= 0 && i < singleRow.length() && close < 0; i++) {
            char c = singleRow.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            close = depth == 0 ? i : -1;
        }
        String row = close < 0 ? "" : singleRow.substring(open, close + 1);
        boolean moreRows = close >= 0 && singleRow.substring(close + 1).stripLeading().startsWith(",");
        if (row.chars().filter(c -> c == '?').count() != arrayTypes.size() || moreRows) {
            throw new IllegalStateException("not a single-row insert of " + arrayTypes.size() + " columns: " + singleRow);
        }
        String unnest = arrayTypes.stream().map(t -> "?::" + t + "[]")
                .collect(java.util.stream.Collectors.joining(", ", "select * from unnest(", ")"));
        return singleRow.substring(0, open) + unnest + singleRow.substring(close + 1);
    }

    /**
     * After removals: the first play of the rows whose first play may have been removed, again from the listens, one
     * indexed range of ix_listens_user_track_time per row. {@code removedFirst} holds each row's earliest removed play;
     * only a row whose stored first play is not earlier than that can have lost it — for the rest (a merge or a
     * deletion of a later play, by far the common case) the stored first play stands. Recomputing every touched
     * track instead was 23 % of PostgreSQL's time while a user with 1,000,000 listens imported a history that merged
     * into his (issue #19 item 2, docs/performance.md).
     */
    void recomputeFirst(long userId, Map<TrackAlbum, Long> removedFirst) {
        DSLContext dsl = database.dsl();
        List<Long> tracks = removedFirst.keySet().stream().map(TrackAlbum::trackId).distinct().sorted().toList();
        java.util.Set<Long> stale = new java.util.TreeSet<>();
        for (int i = 0; i < tracks.size(); i += 5000) {
            List<Long> chunk = tracks.subList(i, Math.min(tracks.size(), i + 5000));
            dsl.select(STATS_TRACK.TRACK_ID, STATS_TRACK.ALBUM_ID, STATS_TRACK.FIRST_AT).from(STATS_TRACK)
                    .where(STATS_TRACK.USER_ID.eq(userId), STATS_TRACK.TRACK_ID.in(chunk))
                    .forEach(r -> {
                        Long removed = removedFirst.get(new TrackAlbum(r.value1(), r.value2()));
                        if (removed != null && r.value3() != null && removed <= r.value3()) {
                            stale.add(r.value1());
                        }
                    });
        }
        List<Long> all = new ArrayList<>(stale);
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
