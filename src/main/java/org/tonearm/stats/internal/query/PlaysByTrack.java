package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.tonearm.stats.Breakdown;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.TopOrder;

/**
 * The input of the enrichment views (genres, artist map, eras): a range's plays and listening time per track (and
 * album), from the same rollup/raw union as every view ({@link Sources#tracks}), so they are exact over any range.
 * Grouped before anything is joined, so all_time's negative rows (listens outside the range) net out first.
 */
final class PlaysByTrack {

    static final Field<Long> TRACK = field(name("t", "track_id"), Long.class);
    static final Field<Long> ALBUM = field(name("t", "album_id"), Long.class);
    static final Field<Long> PLAYS = field(name("t", "plays"), Long.class);
    static final Field<Long> TIME = field(name("t", "time_ms"), Long.class);

    private PlaysByTrack() {}

    /** Rows (track_id, plays, time_ms) aliased "t", one per track of the range. */
    static Table<?> perTrack(DSLContext dsl, Slice slice) {
        return dsl.select(Sources.TRACK.as("track_id"), Sources.longSum(Sources.PLAYS).as("plays"),
                        Sources.longSum(Sources.TIME).as("time_ms"))
                .from(Sources.tracks(dsl, slice)).groupBy(Sources.TRACK).asTable("t");
    }

    /** Rows (track_id, album_id, plays, time_ms) aliased "t", one per track and album (0 = none) of the range. */
    static Table<?> perTrackAndAlbum(DSLContext dsl, Slice slice) {
        return dsl.select(Sources.TRACK.as("track_id"), Sources.ALBUM.as("album_id"),
                        Sources.longSum(Sources.PLAYS).as("plays"), Sources.longSum(Sources.TIME).as("time_ms"))
                .from(Sources.tracks(dsl, slice)).groupBy(Sources.TRACK, Sources.ALBUM).asTable("t");
    }

    /**
     * Plays and time per label of the tracks' credited artists (a genre, a country): a track counts once for each
     * distinct label among its artists, however many of them carry it; tracks whose artists have none make the
     * bucket with a null key ("unknown"). {@code credited} is {@code track_artists} joined to the labels' table,
     * {@code label} its label column; {@code artists} gives a bucket's artist count (0 where a view has none).
     */
    static List<Breakdown.Bucket> perLabel(DSLContext dsl, Table<?> perTrack, Table<?> credited, Field<String> label,
            ToLongFunction<String> artists) {
        // one row per track and label (NULL: none), however many of its artists carry that label
        Table<?> perTrackLabel = dsl.select(TRACK, label.as("label"), max(PLAYS).as("plays"), max(TIME).as("time_ms"))
                .from(perTrack)
                .leftJoin(credited).on(TRACK_ARTISTS.TRACK_ID.eq(TRACK))
                .where(PLAYS.gt(0L))
                .groupBy(TRACK, label).asTable("l");
        Field<String> key = field(name("l", "label"), String.class);
        return dsl.select(key, Sources.longSum(field(name("l", "plays"), Long.class)),
                        Sources.longSum(field(name("l", "time_ms"), Long.class)))
                .from(perTrackLabel).groupBy(key)
                .fetch(r -> bucket(r.value1(), r.value2(), r.value3(),
                        r.value1() == null ? 0 : artists.applyAsLong(r.value1())));
    }

    /**
     * A page of buckets (all of them were read: a user has at most a few thousand genres, 250 countries, a few
     * dozen decades): most plays first (or most time), the other figure next, then the key, so pages are stable.
     * The bucket whose key is null is the "unknown" one, kept apart.
     */
    static Breakdown page(StatsRange range, Instant now, List<Breakdown.Bucket> all, Comparator<Breakdown.Bucket> order,
            int limit, int offset) {
        Breakdown.Bucket unknown = new Breakdown.Bucket(null, 0, 0, 0);
        List<Breakdown.Bucket> known = new ArrayList<>(all.size());
        for (Breakdown.Bucket b : all) {
            if (b.key() == null) {
                unknown = b;
            } else if (b.plays() > 0) {
                known.add(b);
            }
        }
        known.sort(order);
        int from = Math.min(offset, known.size());
        int to = (int) Math.min((long) from + limit, known.size());
        return new Breakdown(range, now, known.size(), offset, List.copyOf(known.subList(from, to)), unknown);
    }

    static Comparator<Breakdown.Bucket> order(TopOrder order) {
        Comparator<Breakdown.Bucket> plays = Comparator.comparingLong(Breakdown.Bucket::plays).reversed();
        Comparator<Breakdown.Bucket> time = Comparator.comparingLong(Breakdown.Bucket::listeningTimeMs).reversed();
        return (order == TopOrder.PLAYS ? plays.thenComparing(time) : time.thenComparing(plays))
                .thenComparing(Breakdown.Bucket::key);
    }

    static Breakdown.Bucket bucket(String key, Long plays, Long time, long artists) {
        return new Breakdown.Bucket(key, plays == null ? 0 : plays, time == null ? 0 : time, artists);
    }
}
