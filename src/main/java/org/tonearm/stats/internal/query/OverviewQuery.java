package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Change;
import org.tonearm.stats.Figures;
import org.tonearm.stats.Overview;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.Streak;

/** docs/api.md#statistics overview: figures, unique tracks/artists/albums with a play, streaks, change against the previous period. */
@Component
public class OverviewQuery {

    private final Database database;
    private final StreaksQuery streaks;

    public OverviewQuery(Database database, StreaksQuery streaks) {
        this.database = database;
        this.streaks = streaks;
    }

    /** Figures and the three unique counts of one period. */
    public record Totals(Figures figures, long tracks, long artists, long albums) {}

    public Totals totals(long userId, Slice slice) {
        return totals(List.of(slice)).get(0);
    }

    /**
     * {@link #totals(long, Slice)} of several slices in two statements whatever their number (docs/performance.md
     * "Statistics: one call per view": the overview's current and previous period were four).
     */
    List<Totals> totals(List<Slice> slices) {
        DSLContext dsl = database.dsl();
        // the figures from one row per day; the unique counts from one pass over the (track, album) pairs with a play
        // (summed first: a whole-history source subtracts listens outside the range), artists joined to those pairs;
        // each slice's rows carry its index k
        List<Object> values = new ArrayList<>();
        StringBuilder shape = new StringBuilder();
        for (Slice slice : slices) {
            slice.values(values);
            shape.append(' ').append(slice.shape());
        }
        Figures[] figuresOf = figures(dsl, slices, values, shape.toString());
        long[][] unique = new long[slices.size()][3]; // a slice without a pair has no row: zeros
        Rendered.fetch(dsl, "overview_unique" + shape, values, v -> {
            java.util.Iterator<Object> in = v.iterator();
            Select<Record> pairs = null;
            for (int i = 0; i < slices.size(); i++) {
                Select<Record> p = dsl.select(List.<SelectField<?>>of(inline(i).as("k"), Sources.TRACK.as("track_id"),
                                Sources.ALBUM.as("album_id")))
                        .from(Sources.tracks(dsl, slices.get(i).withValues(in))).groupBy(Sources.TRACK, Sources.ALBUM)
                        .having(sum(Sources.PLAYS).gt(java.math.BigDecimal.ZERO));
                pairs = pairs == null ? p : pairs.unionAll(p);
            }
            Table<?> t = pairs.asTable("t");
            Field<Integer> k = field(name("t", "k"), Integer.class);
            Field<Long> track = field(name("t", "track_id"), Long.class);
            Field<Long> album = field(name("t", "album_id"), Long.class);
            return dsl.select(k, countDistinct(track), countDistinct(when(album.ne(0L), album)),
                            countDistinct(TRACK_ARTISTS.ARTIST_ID))
                    .from(t).leftJoin(TRACK_ARTISTS).on(TRACK_ARTISTS.TRACK_ID.eq(track)).groupBy(k);
        }).forEach(r -> unique[r.get(0, Integer.class)] = new long[] {FiguresQuery.num(r.get(1)),
            FiguresQuery.num(r.get(3)), FiguresQuery.num(r.get(2))});
        List<Totals> out = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            out.add(new Totals(figuresOf[i], unique[i][0], unique[i][1], unique[i][2]));
        }
        return out;
    }

    /** The figures of several slices in one statement, from one row per day (the per-day rollup). */
    public Figures[] figures(List<Slice> slices) {
        List<Object> values = new ArrayList<>();
        StringBuilder shape = new StringBuilder();
        for (Slice slice : slices) {
            slice.values(values);
            shape.append(' ').append(slice.shape());
        }
        return figures(database.dsl(), slices, values, shape.toString());
    }

    private static Figures[] figures(DSLContext dsl, List<Slice> slices, List<Object> values, String shape) {
        Figures[] figuresOf = new Figures[slices.size()];
        Rendered.fetch(dsl, "overview_figures" + shape, values, v -> {
            java.util.Iterator<Object> in = v.iterator();
            Select<Record> figures = null;
            for (int i = 0; i < slices.size(); i++) {
                List<SelectField<?>> columns = new ArrayList<>();
                columns.add(inline(i).as("k"));
                SelectField<?>[] sums = FiguresQuery.columns();
                for (int c = 0; c < sums.length; c++) {
                    columns.add(((Field<?>) sums[c]).as("f" + c));
                }
                Select<Record> f = dsl.select(columns).from(Sources.days(dsl, slices.get(i).withValues(in)));
                figures = figures == null ? f : figures.unionAll(f);
            }
            return figures;
        }).forEach(r -> figuresOf[r.get(0, Integer.class)] = FiguresQuery.read(r, 1));
        return figuresOf;
    }

    /** The range's current period and, unless all_time, its previous one: the slices an overview reads. */
    public static List<Slice> periods(long userId, StatsRange range) {
        List<Slice> slices = new ArrayList<>(2);
        slices.add(Slice.of(userId, range));
        if (range.previous() != null) {
            slices.add(Slice.of(userId, range.previous(), range.zone()));
        }
        return slices;
    }

    public Overview overview(long userId, StatsRange range, Instant now) {
        List<Totals> totals = totals(periods(userId, range));
        return overview(userId, range, now, totals.get(0), range.previous() == null ? null : totals.get(1));
    }

    /** The overview from the totals of the range's periods ({@code before} null for all_time), with its streaks. */
    public Overview overview(long userId, StatsRange range, Instant now, Totals current, Totals before) {
        LocalDate today = LocalDate.ofInstant(now, range.zone());
        Streak[] streak = streaks.currentAndLongest(userId, today, range.zone(), now, range);
        Streak currentStreak = streak[0];
        Streak longest = streak[1];
        Map<String, Change> changes = null;
        if (range.previous() != null) {
            changes = new LinkedHashMap<>();
            changes.put("plays", Change.of(current.figures().plays(), before.figures().plays()));
            changes.put("listening_time_ms",
                    Change.of(current.figures().listeningTimeMs(), before.figures().listeningTimeMs()));
            changes.put("unique_tracks", Change.of(current.tracks(), before.tracks()));
            changes.put("unique_artists", Change.of(current.artists(), before.artists()));
            changes.put("unique_albums", Change.of(current.albums(), before.albums()));
            changes.put("skip_rate", Change.of(current.figures().skipRate(), before.figures().skipRate()));
        }
        return new Overview(range, now, current.figures(), current.tracks(), current.artists(), current.albums(),
                currentStreak, longest, changes);
    }
}
