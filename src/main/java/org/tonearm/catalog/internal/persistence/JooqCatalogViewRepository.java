package org.tonearm.catalog.internal.persistence;

import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.TRACKS;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;
import org.tonearm.catalog.AlbumView;
import org.tonearm.catalog.ArtistRef;
import org.tonearm.catalog.TrackView;
import org.tonearm.shared.Database;

/** Set-wise reads of tracks and albums for rendering listens: two queries per chunk of ids, whatever the count. */
@Repository
public class JooqCatalogViewRepository {

    private final Database database;

    JooqCatalogViewRepository(Database database) {
        this.database = database;
    }

    public Map<Long, TrackView> tracks(Collection<Long> trackIds) {
        Map<Long, TrackView> views = new HashMap<>(trackIds.size() * 2);
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(trackIds), Chunks.IN_LIST)) {
            Map<Long, List<ArtistRef>> artists = artistsOf(chunk);
            database.dsl().select(TRACKS.ID, TRACKS.TITLE, TRACKS.LENGTH_MS).from(TRACKS).where(TRACKS.ID.in(chunk))
                    .forEach(r -> views.put(r.value1(), new TrackView(r.value1(), r.value2(),
                            List.copyOf(artists.getOrDefault(r.value1(), List.of())), r.value3())));
        }
        return views;
    }

    /** Credited artists per track, ordered by position (0 = primary). */
    public Map<Long, List<ArtistRef>> artistsOf(Collection<Long> trackIds) {
        Map<Long, List<ArtistRef>> byTrack = new HashMap<>();
        for (List<Long> chunk : Chunks.of(trackIds, Chunks.IN_LIST)) {
            database.dsl().select(TRACK_ARTISTS.TRACK_ID, ARTISTS.ID, ARTISTS.NAME, TRACK_ARTISTS.ROLE)
                    .from(TRACK_ARTISTS).join(ARTISTS).on(ARTISTS.ID.eq(TRACK_ARTISTS.ARTIST_ID))
                    .where(TRACK_ARTISTS.TRACK_ID.in(chunk))
                    .orderBy(TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.POSITION)
                    .forEach(r -> byTrack.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(new ArtistRef(r.value2(), r.value3(), r.value4())));
        }
        return byTrack;
    }

    public Map<Long, AlbumView> albums(Collection<Long> albumIds) {
        Map<Long, AlbumView> views = new HashMap<>(albumIds.size() * 2);
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(albumIds), Chunks.IN_LIST)) {
            database.dsl().select(ALBUMS.ID, ALBUMS.TITLE, ARTISTS.ID, ARTISTS.NAME)
                    .from(ALBUMS).leftJoin(ARTISTS).on(ARTISTS.ID.eq(ALBUMS.ARTIST_ID))
                    .where(ALBUMS.ID.in(chunk))
                    .forEach(r -> views.put(r.value1(), new AlbumView(r.value1(), r.value2(), r.value3(), r.value4())));
        }
        return views;
    }
}
