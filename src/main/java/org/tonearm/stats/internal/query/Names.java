package org.tonearm.stats.internal.query;

import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.TRACKS;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Entity;
import org.tonearm.stats.TopItem.Credit;

/** Names, MusicBrainz ids and credits of the ranked items: one query per kind for a whole page. */
@Component
public class Names {

    /** {@code artists}: a track's credits in order, an album's album artist, empty for an artist. */
    public record Named(String name, String mbid, List<Credit> artists) {

        /** An id without a row (deleted or merged meanwhile): no name, no credits. */
        public static final Named NONE = new Named(null, null, List.of());
    }

    private final Database database;

    public Names(Database database) {
        this.database = database;
    }

    /**
     * Rendered once per kind and page size ({@link Rendered}) up to {@link #RENDERED_IDS} ids: larger lists (pages of
     * up to 1,000) are rare, each size a shape of its own.
     */
    private static org.jooq.Result<org.jooq.Record> fetch(org.jooq.DSLContext dsl, String shape, List<Object> ids,
            java.util.function.Function<List<Object>, org.jooq.ResultQuery<? extends org.jooq.Record>> build) {
        if (ids.size() > RENDERED_IDS) {
            @SuppressWarnings("unchecked")
            org.jooq.Result<org.jooq.Record> rows = (org.jooq.Result<org.jooq.Record>) (org.jooq.Result<?>)
                    build.apply(ids).fetch();
            return rows;
        }
        return Rendered.fetch(dsl, shape + " " + ids.size(), ids, build);
    }

    static final int RENDERED_IDS = 100;

    private static List<Long> longs(List<Object> ids) {
        return ids.stream().map(id -> (Long) id).toList();
    }

    public Map<Long, Named> of(Entity kind, Collection<Long> ids) {
        Map<Long, Named> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        var dsl = database.dsl();
        List<Object> values = new ArrayList<>(ids);
        switch (kind) {
            case ARTISTS -> fetch(dsl, "names artists", values, v -> dsl.select(ARTISTS.ID, ARTISTS.NAME, ARTISTS.MBID)
                            .from(ARTISTS).where(ARTISTS.ID.in(longs(v))))
                    .forEach(r -> out.put(r.get(0, Long.class),
                            new Named(r.get(1, String.class), r.get(2, String.class), List.of())));
            case ALBUMS -> fetch(dsl, "names albums", values, v -> dsl.select(ALBUMS.ID, ALBUMS.TITLE, ALBUMS.MBID,
                            ARTISTS.ID, ARTISTS.NAME, ARTISTS.MBID)
                            .from(ALBUMS).leftJoin(ARTISTS).on(ARTISTS.ID.eq(ALBUMS.ARTIST_ID))
                            .where(ALBUMS.ID.in(longs(v))))
                    .forEach(r -> out.put(r.get(0, Long.class), new Named(r.get(1, String.class),
                            r.get(2, String.class), r.get(3) == null ? List.of()
                            : List.of(new Credit(r.get(3, Long.class), r.get(4, String.class), r.get(5, String.class),
                                    "primary")))));
            case TRACKS -> {
                Map<Long, List<Credit>> credits = new HashMap<>();
                fetch(dsl, "names credits", values, v -> dsl.select(TRACK_ARTISTS.TRACK_ID, ARTISTS.ID, ARTISTS.NAME,
                                ARTISTS.MBID, TRACK_ARTISTS.ROLE)
                        .from(TRACK_ARTISTS).join(ARTISTS).on(ARTISTS.ID.eq(TRACK_ARTISTS.ARTIST_ID))
                        .where(TRACK_ARTISTS.TRACK_ID.in(longs(v))).orderBy(TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.POSITION))
                        .forEach(r -> credits.computeIfAbsent(r.get(0, Long.class), k -> new ArrayList<>())
                                .add(new Credit(r.get(1, Long.class), r.get(2, String.class), r.get(3, String.class),
                                        r.get(4, String.class).toLowerCase())));
                fetch(dsl, "names tracks", values, v -> dsl.select(TRACKS.ID, TRACKS.TITLE, TRACKS.MBID).from(TRACKS)
                                .where(TRACKS.ID.in(longs(v))))
                        .forEach(r -> out.put(r.get(0, Long.class), new Named(r.get(1, String.class),
                                r.get(2, String.class),
                                List.copyOf(credits.getOrDefault(r.get(0, Long.class), List.of())))));
            }
        }
        return out;
    }
}
