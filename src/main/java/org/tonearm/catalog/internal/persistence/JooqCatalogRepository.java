package org.tonearm.catalog.internal.persistence;

import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.TRACKS;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Repository;
import org.tonearm.catalog.internal.persistence.CatalogRows.NewAlbum;
import org.tonearm.catalog.internal.persistence.CatalogRows.NewArtist;
import org.tonearm.catalog.internal.persistence.CatalogRows.NewTrack;
import org.tonearm.catalog.internal.persistence.CatalogRows.StoredTrack;
import org.tonearm.catalog.internal.persistence.CatalogRows.TrackArtist;
import org.tonearm.shared.Database;
import org.tonearm.shared.DatabaseKind;

/**
 * The set-wise SQL of catalog resolution: one {@code select … where key in (…)} per chunk of keys and
 * multi-row {@code insert … on conflict do nothing returning …} (a concurrent writer on PostgreSQL may create
 * the same key first: such keys come back without an id, and the caller selects them). Runs inside the caller's write transaction.
 */
@Repository
public class JooqCatalogRepository {

    private final Database database;

    JooqCatalogRepository(Database database) {
        this.database = database;
    }

    private DSLContext dsl() {
        return database.dsl();
    }

    /**
     * PostgreSQL: {@code insert … returning} hands back the ids of the rows it inserted, one round trip.
     * SQLite: jOOQ answers a multi-row {@code returning} with one row only (found by
     * CatalogIntegrationTests), so the new keys are selected afterwards — an in-process call, and under the
     * single writer lock every one of them is this transaction's own.
     */
    private boolean returning() {
        return database.kind() == DatabaseKind.POSTGRES;
    }

    public Map<String, Long> artistIds(Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>(keys.size() * 2);
        for (List<String> chunk : Chunks.of(keys, Chunks.IN_LIST)) {
            dsl().select(ARTISTS.NAME_KEY, ARTISTS.ID).from(ARTISTS).where(ARTISTS.NAME_KEY.in(chunk))
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        return ids;
    }

    /** Returns the ids of the rows this statement inserted (a key a concurrent writer took first is absent). */
    public Map<String, Long> insertArtists(List<NewArtist> rows, long now) {
        Map<String, Long> ids = new HashMap<>(rows.size() * 2);
        for (List<NewArtist> chunk : Chunks.forInsert(rows, 4)) {
            var insert = dsl().insertInto(ARTISTS, ARTISTS.NAME, ARTISTS.NAME_KEY, ARTISTS.MBID, ARTISTS.CREATED_AT);
            for (NewArtist a : chunk) {
                insert = insert.values(a.name(), a.key(), a.mbid(), now);
            }
            if (returning()) {
                insert.onConflictDoNothing().returningResult(ARTISTS.NAME_KEY, ARTISTS.ID)
                        .forEach(r -> ids.put(r.value1(), r.value2()));
            } else {
                insert.onConflictDoNothing().execute();
            }
        }
        return returning() ? ids : artistIds(rows.stream().map(NewArtist::key).toList());
    }

    public Map<String, Long> albumIds(Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>(keys.size() * 2);
        for (List<String> chunk : Chunks.of(keys, Chunks.IN_LIST)) {
            dsl().select(ALBUMS.ALBUM_KEY, ALBUMS.ID).from(ALBUMS).where(ALBUMS.ALBUM_KEY.in(chunk))
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        return ids;
    }

    /** Returns the ids of the rows this statement inserted (a key a concurrent writer took first is absent). */
    public Map<String, Long> insertAlbums(List<NewAlbum> rows, long now) {
        Map<String, Long> ids = new HashMap<>(rows.size() * 2);
        for (List<NewAlbum> chunk : Chunks.forInsert(rows, 5)) {
            var insert = dsl().insertInto(ALBUMS, ALBUMS.TITLE, ALBUMS.ALBUM_KEY, ALBUMS.ARTIST_ID, ALBUMS.MBID,
                    ALBUMS.CREATED_AT);
            for (NewAlbum a : chunk) {
                insert = insert.values(a.title(), a.key(), a.artistId(), a.mbid(), now);
            }
            if (returning()) {
                insert.onConflictDoNothing().returningResult(ALBUMS.ALBUM_KEY, ALBUMS.ID)
                        .forEach(r -> ids.put(r.value1(), r.value2()));
            } else {
                insert.onConflictDoNothing().execute();
            }
        }
        return returning() ? ids : albumIds(rows.stream().map(NewAlbum::key).toList());
    }

    public Map<String, StoredTrack> tracks(Collection<String> keys) {
        Map<String, StoredTrack> tracks = new HashMap<>(keys.size() * 2);
        for (List<String> chunk : Chunks.of(keys, Chunks.IN_LIST)) {
            dsl().select(TRACKS.TRACK_KEY, TRACKS.ID, TRACKS.LENGTH_MS).from(TRACKS).where(TRACKS.TRACK_KEY.in(chunk))
                    .forEach(r -> tracks.put(r.value1(), new StoredTrack(r.value2(), r.value3())));
        }
        return tracks;
    }

    /** Returns the rows this statement inserted (a key a concurrent writer took first is absent). */
    public Map<String, StoredTrack> insertTracks(List<NewTrack> rows, long now) {
        Map<String, StoredTrack> tracks = new HashMap<>(rows.size() * 2);
        for (List<NewTrack> chunk : Chunks.forInsert(rows, 8)) {
            var insert = dsl().insertInto(TRACKS, TRACKS.TITLE, TRACKS.TRACK_KEY, TRACKS.ARTIST_ID, TRACKS.LENGTH_MS,
                    TRACKS.MBID, TRACKS.ISRC, TRACKS.SPOTIFY_ID, TRACKS.CREATED_AT);
            for (NewTrack t : chunk) {
                insert = insert.values(t.title(), t.key(), t.artistId(), t.lengthMs(), t.mbid(), t.isrc(),
                        t.spotifyId(), now);
            }
            if (returning()) {
                insert.onConflictDoNothing().returningResult(TRACKS.TRACK_KEY, TRACKS.ID, TRACKS.LENGTH_MS)
                        .forEach(r -> tracks.put(r.value1(), new StoredTrack(r.value2(), r.value3())));
            } else {
                insert.onConflictDoNothing().execute();
            }
        }
        return returning() ? tracks : tracks(rows.stream().map(NewTrack::key).toList());
    }

    /** Credits of new tracks; a concurrent creator of the same track may have written them already. */
    public void insertTrackArtists(List<TrackArtist> rows) {
        for (List<TrackArtist> chunk : Chunks.forInsert(rows, 4)) {
            var insert = dsl().insertInto(TRACK_ARTISTS, TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.POSITION,
                    TRACK_ARTISTS.ARTIST_ID, TRACK_ARTISTS.ROLE);
            for (TrackArtist ta : chunk) {
                insert = insert.values(ta.trackId(), ta.position(), ta.artistId(), ta.role());
            }
            insert.onConflictDoNothing().execute();
        }
    }

    /** Fills unknown lengths (never overwrites a known one) in one JDBC batch. */
    public void fillLengths(Map<Long, Long> lengthByTrackId) {
        if (lengthByTrackId.isEmpty()) {
            return;
        }
        List<Query> updates = lengthByTrackId.entrySet().stream()
                .<Query>map(e -> dsl().update(TRACKS).set(TRACKS.LENGTH_MS, e.getValue())
                        .where(TRACKS.ID.eq(e.getKey())).and(TRACKS.LENGTH_MS.isNull()))
                .toList();
        dsl().batch(updates).execute();
    }
}
