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
    public record Named(String name, String mbid, List<Credit> artists) {}

    private final Database database;

    public Names(Database database) {
        this.database = database;
    }

    public Map<Long, Named> of(Entity kind, Collection<Long> ids) {
        Map<Long, Named> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        var dsl = database.dsl();
        switch (kind) {
            case ARTISTS -> dsl.select(ARTISTS.ID, ARTISTS.NAME, ARTISTS.MBID).from(ARTISTS).where(ARTISTS.ID.in(ids))
                    .forEach(r -> out.put(r.value1(), new Named(r.value2(), r.value3(), List.of())));
            case ALBUMS -> dsl.select(ALBUMS.ID, ALBUMS.TITLE, ALBUMS.MBID, ARTISTS.ID, ARTISTS.NAME, ARTISTS.MBID)
                    .from(ALBUMS).leftJoin(ARTISTS).on(ARTISTS.ID.eq(ALBUMS.ARTIST_ID)).where(ALBUMS.ID.in(ids))
                    .forEach(r -> out.put(r.value1(), new Named(r.value2(), r.value3(), r.value4() == null ? List.of()
                            : List.of(new Credit(r.value4(), r.value5(), r.value6(), "primary")))));
            case TRACKS -> {
                Map<Long, List<Credit>> credits = new HashMap<>();
                dsl.select(TRACK_ARTISTS.TRACK_ID, ARTISTS.ID, ARTISTS.NAME, ARTISTS.MBID, TRACK_ARTISTS.ROLE)
                        .from(TRACK_ARTISTS).join(ARTISTS).on(ARTISTS.ID.eq(TRACK_ARTISTS.ARTIST_ID))
                        .where(TRACK_ARTISTS.TRACK_ID.in(ids)).orderBy(TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.POSITION)
                        .forEach(r -> credits.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                                .add(new Credit(r.value2(), r.value3(), r.value4(), r.value5().toLowerCase())));
                dsl.select(TRACKS.ID, TRACKS.TITLE, TRACKS.MBID).from(TRACKS).where(TRACKS.ID.in(ids))
                        .forEach(r -> out.put(r.value1(), new Named(r.value2(), r.value3(),
                                List.copyOf(credits.getOrDefault(r.value1(), List.of())))));
            }
        }
        return out;
    }
}
