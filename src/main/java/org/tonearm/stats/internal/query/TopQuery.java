package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.sum;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOrderByStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Figures;
import org.tonearm.stats.Movement;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.TopItem;
import org.tonearm.stats.TopOrder;
import org.tonearm.stats.TopPage;

/**
 * Top artists/albums/tracks (docs/api.md#statistics): plays or listening time, ties broken by the other figure and then by id so that
 * pages are stable; items with plays only (skips alone never rank). An artist counts every play of every track that
 * credits it. Each item's rank in the previous period comes from the same ranking there (ROW_NUMBER over it).
 */
@Component
public class TopQuery {

    private final Database database;
    private final Names names;

    public TopQuery(Database database, Names names) {
        this.database = database;
        this.names = names;
    }

    public TopPage page(long userId, StatsRange range, Entity kind, TopOrder order, int limit, int offset,
            Instant now) {
        DSLContext dsl = database.dsl();
        Slice slice = Slice.of(userId, range);
        Field<Long> key = key(kind);
        // the number of items rides along as a window over the groups (one aggregation instead of two); only a page
        // past the end needs its own count
        List<Object> values = new ArrayList<>();
        slice.values(values);
        values.add(limit);
        values.add(offset);
        List<Record> rows = Rendered.fetch(dsl, "top page " + kind + " " + order + " " + slice.shape(), values, v -> {
            java.util.Iterator<Object> in = v.iterator();
            List<org.jooq.SelectFieldOrAsterisk> columns = groupColumns(key);
            columns.add(count().over().as("total"));
            return grouped(dsl, slice.withValues(in), perTrackFirst(slice), kind, columns).orderBy(order(order, key))
                    .limit((Integer) in.next()).offset((Integer) in.next());
        });
        List<Long> ids = rows.stream().map(r -> r.get(0, Long.class)).toList();
        // the page's items' ranks in the previous period: a second statement on the same connection (the view runs
        // in one read transaction) that ranks the previous period's items, not both periods' (docs/performance.md,
        // session 10: one aggregation of both periods with a ROW_NUMBER over all of their items cost twice as much)
        Map<Long, Integer> previous = range.previous() == null ? Map.of()
                : previousRanks(dsl, Slice.of(userId, range.previous(), range.zone()), kind, order, ids);
        long total = !rows.isEmpty() ? rows.get(0).get("total", Long.class) : offset == 0 ? 0
                : dsl.selectCount().from(grouped(dsl, slice, perTrackFirst(slice), kind, List.of(key)).asTable("g"))
                        .fetchOne(0, Long.class);
        Map<Long, Names.Named> named = names.of(kind, ids);
        List<TopItem> items = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            long id = ids.get(i);
            int rank = offset + i + 1;
            Integer before = previous.get(id);
            Names.Named n = named.getOrDefault(id, Names.Named.NONE);
            items.add(new TopItem(rank, kind, id, n.name(), n.mbid(), n.artists(), FiguresQuery.read(rows.get(i), 1),
                    before, movement(range, rank, before)));
        }
        return new TopPage(range, now, kind, order, total, offset, items);
    }

    /**
     * The first {@code limit} items, without previous ranks (for pages inside other views); a whole-history slice
     * reads the all-time rollup.
     */
    public List<TopItem> top(long userId, Slice slice, Entity kind, TopOrder order, int limit,
            Sources.Narrowing narrowing) {
        DSLContext dsl = database.dsl();
        Field<Long> key = key(kind);
        Table<Record> source = Sources.tracks(dsl, slice, narrowing);
        List<Record> rows = groupedOver(dsl, source, perTrackFirst(slice), kind, groupColumns(key))
                .orderBy(order(order, key)).limit(limit)
                .fetch();
        List<Long> ids = rows.stream().map(r -> r.get(0, Long.class)).toList();
        Map<Long, Names.Named> named = names.of(kind, ids);
        List<TopItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Names.Named n = named.getOrDefault(ids.get(i), Names.Named.NONE);
            items.add(new TopItem(i + 1, kind, ids.get(i), n.name(), n.mbid(), n.artists(),
                    FiguresQuery.read(rows.get(i), 1), null, Movement.NONE));
        }
        return items;
    }

    /** Plays of each item in a slice (all of them; for insights and ranks). */
    public Map<Long, Figures> all(long userId, Slice slice, Entity kind) {
        DSLContext dsl = database.dsl();
        Map<Long, Figures> out = new HashMap<>();
        grouped(dsl, slice, perTrackFirst(slice), kind, groupColumns(key(kind))).fetch()
                .forEach(r -> out.put(r.get(0, Long.class), FiguresQuery.read(r, 1)));
        return out;
    }

    /** {@link #all} of several slices in one statement (insights: the range and its previous period). */
    public List<Map<Long, Figures>> all(List<Slice> slices, Entity kind) {
        DSLContext dsl = database.dsl();
        Field<Long> key = key(kind);
        List<Map<Long, Figures>> out = new ArrayList<>(slices.size());
        slices.forEach(slice -> out.add(new HashMap<>()));
        unionOfPeriods(dsl, "all " + kind, slices, (i, slice, real) -> {
            List<org.jooq.SelectFieldOrAsterisk> columns = new ArrayList<>();
            columns.add(inline(i).as("k"));
            columns.add(key.as("item"));
            org.jooq.SelectField<?>[] sums = FiguresQuery.columns();
            for (int c = 0; c < sums.length; c++) {
                columns.add(((Field<?>) sums[c]).as("f" + c));
            }
            return grouped(dsl, slice, perTrackFirst(real), kind, columns);
        }).forEach(r -> out.get(r.get(0, Integer.class)).put(r.get(1, Long.class), FiguresQuery.read(r, 2)));
        return out;
    }

    /** One part of a statement over several periods: its rows, tagged with the period's index as column "k". */
    @FunctionalInterface
    private interface PeriodPart {
        /**
         * @param slice the period as the statement is built from (stand-in values inside a {@link Rendered} build)
         * @param real the period itself, for decisions on its length ({@link #perTrackFirst})
         */
        org.jooq.Select<Record> rows(int period, Slice slice, Slice real);
    }

    /** The parts of several periods as one UNION ALL, rendered once per shape ({@link Rendered}). */
    private static org.jooq.Result<Record> unionOfPeriods(DSLContext dsl, String name, List<Slice> slices,
            PeriodPart part) {
        List<Object> values = new ArrayList<>();
        StringBuilder shape = new StringBuilder(name);
        for (Slice slice : slices) {
            slice.values(values);
            shape.append(' ').append(slice.shape());
        }
        return Rendered.fetch(dsl, shape.toString(), values, v -> {
            java.util.Iterator<Object> in = v.iterator();
            org.jooq.Select<Record> union = null;
            for (int i = 0; i < slices.size(); i++) {
                org.jooq.Select<Record> rows = part.rows(i, slices.get(i).withValues(in), slices.get(i));
                union = union == null ? rows : union.unionAll(rows);
            }
            return union;
        });
    }

    /**
     * Figures of a (track, album) pair in a period (skips-only pairs included) with one credit of the track:
     * {@code artist} 0 and {@code position} -1 for a track without credits, otherwise a row per credit. A pair may
     * have several rows per credit (an all-time rollup row and the listens outside the range, negative).
     */
    public record CreditedPair(long track, long album, Figures figures, long artist, int position) {}

    /**
     * The figures of every (track, album) pair with a listen in each slice, joined with the track's credits, in one
     * statement: the tracks', albums' and artists' sums of {@link #all} all follow from them ({@link ItemSums}), one
     * aggregation where the three kinds took one each. Per-day rows are summed before the join, so it probes
     * {@code track_artists} once per pair, not once per day × track row.
     */
    public List<List<CreditedPair>> pairs(List<Slice> slices) {
        DSLContext dsl = database.dsl();
        List<List<CreditedPair>> out = new ArrayList<>(slices.size());
        slices.forEach(slice -> out.add(new ArrayList<>()));
        unionOfPeriods(dsl, "credited pairs", slices, (i, slice, real) -> credited(dsl, i,
                slice.wholeHistory() ? Sources.tracks(dsl, slice) : summedPairs(dsl, slice)))
                .forEach(r -> out.get(((Number) r.get(0)).intValue()).add(new CreditedPair(
                        ((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue(), FiguresQuery.read(r, 3),
                        r.get(8) == null ? 0 : ((Number) r.get(8)).longValue(),
                        r.get(9) == null ? -1 : ((Number) r.get(9)).intValue())));
        return out;
    }

    /** The slice's rows summed per (track, album), in {@link Sources}' column names, aliased "s". */
    private static Table<Record> summedPairs(DSLContext dsl, Slice slice) {
        List<org.jooq.SelectFieldOrAsterisk> columns = new ArrayList<>();
        columns.add(Sources.TRACK.as("track_id"));
        columns.add(Sources.ALBUM.as("album_id"));
        String[] names = {"plays", "weighted_plays", "skips", "time_ms", "estimated_time_ms"};
        org.jooq.SelectField<?>[] sums = FiguresQuery.columns();
        for (int c = 0; c < sums.length; c++) {
            columns.add(((Field<?>) sums[c]).as(names[c]));
        }
        return dsl.select(columns).from(Sources.tracks(dsl, slice)).groupBy(Sources.TRACK, Sources.ALBUM).asTable("s");
    }

    /**
     * Rows of a {@link Sources} table, each with each credit of its track. A whole-history source is read as it is,
     * unsummed ({@link ItemSums} sums in memory): its all-time rollup already has one row per pair, and only the
     * listens outside the range (normally none) would be summed — grouping the union cost 80 of the 100 ms of this
     * statement on SQLite at a million listens.
     */
    private static org.jooq.Select<Record> credited(DSLContext dsl, int period, Table<Record> source) {
        List<org.jooq.SelectFieldOrAsterisk> columns = List.of(inline(period).as("k"), Sources.TRACK, Sources.ALBUM,
                Sources.PLAYS, Sources.WEIGHTED, Sources.SKIPS, Sources.TIME, Sources.ESTIMATED, TRACK_ARTISTS.ARTIST_ID,
                TRACK_ARTISTS.POSITION);
        return dsl.select(columns).from(source).leftJoin(TRACK_ARTISTS).on(TRACK_ARTISTS.TRACK_ID.eq(Sources.TRACK));
    }

    /**
     * The first {@code limit} items of a period's summed items ({@link #all}: items with a play), with their ranks in
     * the previous period's summed items, named — the page {@link #page} reads for offset 0, ranked in memory (the
     * dashboard, which sums each kind once for both periods). {@link Ranking} is {@link #order} in Java;
     * StatsBruteForce holds the two equal.
     */
    public List<TopItem> first(StatsRange range, Entity kind, TopOrder order, int limit, Map<Long, Figures> current,
            Map<Long, Figures> previous) {
        List<Map.Entry<Long, Figures>> ranked = Ranking.first(current, order, limit);
        Map<Long, Integer> before = range.previous() == null ? Map.of()
                : Ranking.ranksOf(ranked.stream().map(Map.Entry::getKey).toList(), previous, order);
        return named(kind, ranked, range, before);
    }

    /** As {@link #first} without a previous period: no previous rank, no movement (the year in review). */
    public List<TopItem> first(Entity kind, TopOrder order, int limit, Map<Long, Figures> items) {
        return named(kind, Ranking.first(items, order, limit), null, Map.of());
    }

    /** The first item of each map (null for an empty one), ranked as {@link #first}, all named in one query. */
    public List<TopItem> firstOfEach(Entity kind, TopOrder order, List<Map<Long, Figures>> periods) {
        List<Map.Entry<Long, Figures>> firsts = new ArrayList<>(periods.size());
        for (Map<Long, Figures> items : periods) {
            List<Map.Entry<Long, Figures>> first = Ranking.first(items, order, 1);
            firsts.add(first.isEmpty() ? null : first.get(0));
        }
        Map<Long, Names.Named> named = names.of(kind,
                firsts.stream().filter(java.util.Objects::nonNull).map(Map.Entry::getKey).distinct().toList());
        List<TopItem> out = new ArrayList<>(firsts.size());
        for (Map.Entry<Long, Figures> e : firsts) {
            out.add(e == null ? null : item(kind, 1, e, named, null, Movement.NONE));
        }
        return out;
    }

    /** Ranked items as TopItems, named; {@code range} null for no movement. */
    private List<TopItem> named(Entity kind, List<Map.Entry<Long, Figures>> ranked, StatsRange range,
            Map<Long, Integer> before) {
        Map<Long, Names.Named> named = names.of(kind, ranked.stream().map(Map.Entry::getKey).toList());
        List<TopItem> items = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Integer was = before.get(ranked.get(i).getKey());
            items.add(item(kind, i + 1, ranked.get(i), named, was,
                    range == null ? Movement.NONE : movement(range, i + 1, was)));
        }
        return items;
    }

    private static TopItem item(Entity kind, int rank, Map.Entry<Long, Figures> e, Map<Long, Names.Named> named,
            Integer was, Movement movement) {
        Names.Named n = named.getOrDefault(e.getKey(), Names.Named.NONE);
        return new TopItem(rank, kind, e.getKey(), n.name(), n.mbid(), n.artists(), e.getValue(), was, movement);
    }

    /** The 1-based rank of one item in a slice, or null when it has no play there. */
    public Integer rankOf(long userId, Slice slice, Entity kind, TopOrder order, long id) {
        return previousRanks(database.dsl(), slice, kind, order, List.of(id)).get(id);
    }

    static Movement movement(StatsRange range, int rank, Integer before) {
        if (range.previous() == null) {
            return Movement.NONE;
        }
        if (before == null) {
            return Movement.NEW;
        }
        return before > rank ? Movement.UP : before < rank ? Movement.DOWN : Movement.SAME;
    }

    /** The 1-based ranks of some items in a slice (the same ranking as a page's), absent for items without a play. */
    private static Map<Long, Integer> previousRanks(DSLContext dsl, Slice slice, Entity kind, TopOrder order,
            Collection<Long> ids) {
        Map<Long, Integer> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Object> values = new ArrayList<>();
        slice.values(values);
        values.addAll(ids);
        Rendered.fetch(dsl, "top ranks " + kind + " " + order + " " + slice.shape() + " " + ids.size(), values, v -> {
            java.util.Iterator<Object> in = v.iterator();
            Field<Long> key = key(kind);
            Field<Integer> rank = rowNumber().over().orderBy(order(order, key)).as("rnk");
            Table<?> ranked = grouped(dsl, slice.withValues(in), perTrackFirst(slice), kind,
                    List.of(key.as("item"), rank)).asTable("p");
            Field<Long> item = field(name("p", "item"), Long.class);
            List<Long> wanted = new ArrayList<>(ids.size());
            ids.forEach(id -> wanted.add((Long) in.next()));
            return dsl.select(item, field(name("p", "rnk"), Integer.class)).from(ranked).where(item.in(wanted));
        }).forEach(r -> out.put(r.get(0, Long.class), r.get(1, Integer.class)));
        return out;
    }

    static Field<Long> key(Entity kind) {
        return switch (kind) {
            case ARTISTS -> TRACK_ARTISTS.ARTIST_ID;
            case ALBUMS -> Sources.ALBUM;
            case TRACKS -> Sources.TRACK;
        };
    }

    private static List<org.jooq.SelectFieldOrAsterisk> groupColumns(Field<Long> key) {
        List<org.jooq.SelectFieldOrAsterisk> columns = new ArrayList<>();
        columns.add(key);
        columns.addAll(List.of(FiguresQuery.columns()));
        return columns;
    }

    /**
     * @param perTrack {@link #perTrackFirst} of the slice with its real values: decided by the caller, because inside a
     *     {@link Rendered} build the slice holds stand-ins (consecutive numbers), not its days
     */
    private static SelectOrderByStep<Record> grouped(DSLContext dsl, Slice slice, boolean perTrack, Entity kind,
            List<? extends org.jooq.SelectFieldOrAsterisk> columns) {
        return groupedOver(dsl, Sources.tracks(dsl, slice), perTrack, kind, columns);
    }

    /**
     * Whether an artist ranking over the slice sums per track before the join ({@link #perTrack}): over per-day rows
     * of more than two months. Shorter ranges have few repeats of a track to fold, and there the summing costs more
     * than it saves (StatsBenchmark, one client, SQLite at 1,000,000 listens: top artists 7d 8.5 → 9.3 ms, 30d
     * 17.6 → 19.6 ms with it, 365d 153 → 128 ms; docs/performance.md "Session 11").
     */
    private static boolean perTrackFirst(Slice slice) {
        return !slice.wholeHistory() && slice.longSpan(); // part of Slice.shape(): the rendered SQL is kept per shape
    }

    /** @param perDay sum the per-day source per track first ({@link #perTrackFirst}) */
    private static SelectOrderByStep<Record> groupedOver(DSLContext dsl, Table<Record> source, boolean perDay,
            Entity kind, List<? extends org.jooq.SelectFieldOrAsterisk> columns) {
        Field<Long> key = key(kind);
        var from = kind == Entity.ARTISTS
                ? dsl.select(columns).from(perDay ? perTrack(dsl, source) : source).join(TRACK_ARTISTS)
                        .on(TRACK_ARTISTS.TRACK_ID.eq(Sources.TRACK)).where(org.jooq.impl.DSL.noCondition())
                : dsl.select(columns).from(source)
                        .where(kind == Entity.ALBUMS ? Sources.ALBUM.ne(0L) : org.jooq.impl.DSL.noCondition());
        // an item ranks with at least one play (skips alone never rank), but its skips still count in its skip rate,
        // so membership is decided after summing every row
        return from.groupBy(key).having(sum(Sources.PLAYS).gt(java.math.BigDecimal.ZERO));
    }

    /**
     * The source summed per track before it meets track_artists: the join then probes once per track instead of once
     * per day × track row (SQLite, top artists over 365 days at 1,000,000 listens: 59 → 31 ms; PostgreSQL's hash join
     * does not care, 34 ms either way — docs/performance.md "Session 11"). Not for the all-time rollup, which has a row
     * per track and album already (there the extra grouping cost 36 → 46 ms). Same columns, aliased "s" again.
     */
    private static Table<?> perTrack(DSLContext dsl, Table<Record> source) {
        return dsl.select(Sources.TRACK.as("track_id"), Sources.longSum(Sources.PLAYS).as("plays"),
                        sum(Sources.WEIGHTED).cast(SQLDataType.DOUBLE).as("weighted_plays"),
                        Sources.longSum(Sources.SKIPS).as("skips"), Sources.longSum(Sources.TIME).as("time_ms"),
                        Sources.longSum(Sources.ESTIMATED).as("estimated_time_ms"))
                .from(source).groupBy(Sources.TRACK).asTable("s");
    }

    static SortField<?>[] order(TopOrder order, Field<Long> key) {
        Field<Long> plays = sum(Sources.PLAYS).cast(SQLDataType.BIGINT);
        Field<Long> time = sum(Sources.TIME).cast(SQLDataType.BIGINT);
        return order == TopOrder.PLAYS
                ? new SortField<?>[] {plays.desc(), time.desc(), key.asc()}
                : new SortField<?>[] {time.desc(), plays.desc(), key.asc()};
    }
}
