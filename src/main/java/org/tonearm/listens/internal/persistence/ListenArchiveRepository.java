package org.tonearm.listens.internal.persistence;

import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;
import static org.tonearm.schema.Tables.TRACKS;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.springframework.stereotype.Repository;
import org.tonearm.listens.ArchivedListen;
import org.tonearm.schema.tables.records.ListenSourcesRecord;
import org.tonearm.schema.tables.records.ListensRecord;
import org.tonearm.shared.Database;

/**
 * The bulk reads behind {@code ListenArchive}: keyset pages of a user's listens oldest first, and for one page
 * (at most a page's worth of ids, so IN lists stay small) their absorbed sources and catalog text. The catalog's own
 * views carry no identifiers (MusicBrainz, ISRC, Spotify), which an export must keep, so the catalog tables are read
 * here through the generated schema, as the listing's filters do. Every statement on listens is scoped by user_id.
 */
@Repository
public class ListenArchiveRepository {

    private final Database database;

    public ListenArchiveRepository(Database database) {
        this.database = database;
    }

    /**
     * Up to {@code limit} listens with fromMs <= listened_at < toMs after the keyset position (afterAt, afterId),
     * oldest first: a forward range scan of ix_listens_user_time (user_id, listened_at, id).
     */
    public List<ListensRecord> page(long userId, Long fromMs, Long toMs, Long afterAt, Long afterId, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(LISTENS.USER_ID.eq(userId));
        if (fromMs != null) {
            where.add(LISTENS.LISTENED_AT.ge(fromMs));
        }
        if (toMs != null) {
            where.add(LISTENS.LISTENED_AT.lt(toMs));
        }
        if (afterAt != null) {
            // the first conjunct bounds the index range; the second breaks ties on id
            where.add(LISTENS.LISTENED_AT.ge(afterAt));
            where.add(LISTENS.LISTENED_AT.gt(afterAt).or(LISTENS.LISTENED_AT.eq(afterAt).and(LISTENS.ID.gt(afterId))));
        }
        return database.dsl().selectFrom(LISTENS).where(where)
                .orderBy(LISTENS.LISTENED_AT.asc(), LISTENS.ID.asc())
                .limit(limit)
                .fetch();
    }

    /** The absorbed reports of these listens of the user, in the order they were absorbed. */
    public Map<Long, List<ListenSourcesRecord>> sources(long userId, Collection<Long> listenIds) {
        Map<Long, List<ListenSourcesRecord>> byListen = new HashMap<>();
        if (listenIds.isEmpty()) {
            return byListen;
        }
        database.dsl().selectFrom(LISTEN_SOURCES)
                .where(LISTEN_SOURCES.USER_ID.eq(userId), LISTEN_SOURCES.LISTEN_ID.in(listenIds))
                .orderBy(LISTEN_SOURCES.ID)
                .forEach(s -> byListen.computeIfAbsent(s.getListenId(), k -> new ArrayList<>()).add(s));
        return byListen;
    }

    /** Tracks with their credits in order (position 0 is the primary artist) and identifiers. */
    public Map<Long, ArchivedListen.Track> tracks(Collection<Long> trackIds) {
        Map<Long, List<ArchivedListen.Artist>> credits = new HashMap<>();
        if (trackIds.isEmpty()) {
            return Map.of();
        }
        database.dsl().select(TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.ROLE, ARTISTS.NAME, ARTISTS.MBID)
                .from(TRACK_ARTISTS).join(ARTISTS).on(ARTISTS.ID.eq(TRACK_ARTISTS.ARTIST_ID))
                .where(TRACK_ARTISTS.TRACK_ID.in(trackIds))
                .orderBy(TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.POSITION)
                .forEach(r -> credits.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(
                        new ArchivedListen.Artist(r.value3(), r.value2().toLowerCase(Locale.ROOT), r.value4())));
        Map<Long, ArchivedListen.Track> tracks = new HashMap<>();
        database.dsl().select(TRACKS.ID, TRACKS.TITLE, TRACKS.MBID, TRACKS.ISRC, TRACKS.SPOTIFY_ID, ARTISTS.NAME,
                        ARTISTS.MBID)
                .from(TRACKS).join(ARTISTS).on(ARTISTS.ID.eq(TRACKS.ARTIST_ID))
                .where(TRACKS.ID.in(trackIds))
                .forEach(r -> {
                    // every track gets its credits when created; the track's own artist stands in should one lack them
                    List<ArchivedListen.Artist> artists = credits.getOrDefault(r.value1(),
                            List.of(new ArchivedListen.Artist(r.value6(), "primary", r.value7())));
                    tracks.put(r.value1(), new ArchivedListen.Track(r.value2(), artists, r.value3(), r.value4(),
                            r.value5()));
                });
        return tracks;
    }

    public Map<Long, ArchivedListen.Album> albums(Collection<Long> albumIds) {
        Map<Long, ArchivedListen.Album> albums = new HashMap<>();
        if (albumIds.isEmpty()) {
            return albums;
        }
        database.dsl().select(ALBUMS.ID, ALBUMS.TITLE, ALBUMS.MBID).from(ALBUMS).where(ALBUMS.ID.in(albumIds))
                .forEach(r -> albums.put(r.value1(), new ArchivedListen.Album(r.value2(), r.value3())));
        return albums;
    }
}
