package org.tonearm.catalog.internal.persistence;

import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.TRACKS;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.tonearm.catalog.NameKeys;
import org.tonearm.catalog.internal.persistence.CatalogEntries.AlbumEntry;
import org.tonearm.catalog.internal.persistence.CatalogEntries.ArtistEntry;
import org.tonearm.catalog.internal.persistence.CatalogEntries.TrackEntry;
import org.tonearm.shared.Database;

/**
 * Reads of single entries and search for the catalog API. The catalog is shared by all users, but each
 * user sees only their own data (SPEC §2): every query keeps only entries the user has at least one
 * listen of (an {@code exists} on the user's listens, served by the listens indexes that lead with
 * {@code user_id}).
 */
@Repository
public class JooqCatalogQueryRepository {

    private static final char LIKE_ESCAPE = '!';

    private final Database database;

    JooqCatalogQueryRepository(Database database) {
        this.database = database;
    }

    private DSLContext dsl() {
        return database.dsl();
    }

    public Optional<ArtistEntry> artist(long userId, long artistId) {
        return dsl().select(ARTISTS.ID, ARTISTS.NAME, ARTISTS.MBID).from(ARTISTS)
                .where(ARTISTS.ID.eq(artistId)).and(artistListenedBy(userId))
                .fetchOptional(r -> new ArtistEntry(r.value1(), r.value2(), r.value3()));
    }

    public Optional<AlbumEntry> album(long userId, long albumId) {
        return dsl().select(ALBUMS.ID, ALBUMS.TITLE, ARTISTS.ID, ARTISTS.NAME, ALBUMS.MBID)
                .from(ALBUMS).leftJoin(ARTISTS).on(ARTISTS.ID.eq(ALBUMS.ARTIST_ID))
                .where(ALBUMS.ID.eq(albumId)).and(albumListenedBy(userId))
                .fetchOptional(r -> new AlbumEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Optional<TrackEntry> track(long userId, long trackId) {
        return dsl().select(TRACKS.ID, TRACKS.TITLE, TRACKS.LENGTH_MS, TRACKS.MBID, TRACKS.ISRC).from(TRACKS)
                .where(TRACKS.ID.eq(trackId)).and(trackListenedBy(userId))
                .fetchOptional(r -> new TrackEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Artists whose key contains {@code key}, shortest (closest) names first. */
    public List<ArtistEntry> searchArtists(long userId, String key, int limit) {
        return dsl().select(ARTISTS.ID, ARTISTS.NAME, ARTISTS.MBID).from(ARTISTS)
                .where(ARTISTS.NAME_KEY.like(containing(key), LIKE_ESCAPE)).and(artistListenedBy(userId))
                .orderBy(DSL.length(ARTISTS.NAME_KEY), ARTISTS.ID).limit(limit)
                .fetch(r -> new ArtistEntry(r.value1(), r.value2(), r.value3()));
    }

    /** Albums whose title key contains {@code key} (the album key is artist key + separator + title key). */
    public List<AlbumEntry> searchAlbums(long userId, String key, int limit) {
        return dsl().select(ALBUMS.ID, ALBUMS.TITLE, ARTISTS.ID, ARTISTS.NAME, ALBUMS.MBID)
                .from(ALBUMS).leftJoin(ARTISTS).on(ARTISTS.ID.eq(ALBUMS.ARTIST_ID))
                .where(ALBUMS.ALBUM_KEY.like(inTitlePart(key), LIKE_ESCAPE)).and(albumListenedBy(userId))
                .orderBy(DSL.length(ALBUMS.TITLE), ALBUMS.ID).limit(limit)
                .fetch(r -> new AlbumEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Tracks whose title key contains {@code key} (the track key is artist key + separator + title key). */
    public List<TrackEntry> searchTracks(long userId, String key, int limit) {
        return dsl().select(TRACKS.ID, TRACKS.TITLE, TRACKS.LENGTH_MS, TRACKS.MBID, TRACKS.ISRC).from(TRACKS)
                .where(TRACKS.TRACK_KEY.like(inTitlePart(key), LIKE_ESCAPE)).and(trackListenedBy(userId))
                .orderBy(DSL.length(TRACKS.TITLE), TRACKS.ID).limit(limit)
                .fetch(r -> new TrackEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    private Condition trackListenedBy(long userId) {
        return DSL.exists(DSL.selectOne().from(LISTENS)
                .where(LISTENS.USER_ID.eq(userId)).and(LISTENS.TRACK_ID.eq(TRACKS.ID)));
    }

    private Condition albumListenedBy(long userId) {
        return DSL.exists(DSL.selectOne().from(LISTENS)
                .where(LISTENS.USER_ID.eq(userId)).and(LISTENS.ALBUM_ID.eq(ALBUMS.ID)));
    }

    /** Credited (primary or featured) on a track the user listened to; album artists are primary credits. */
    private Condition artistListenedBy(long userId) {
        return DSL.exists(DSL.selectOne().from(TRACK_ARTISTS)
                .join(LISTENS).on(LISTENS.TRACK_ID.eq(TRACK_ARTISTS.TRACK_ID)).and(LISTENS.USER_ID.eq(userId))
                .where(TRACK_ARTISTS.ARTIST_ID.eq(ARTISTS.ID)));
    }

    private static String containing(String key) {
        return "%" + escapeLike(key) + "%";
    }

    private static String inTitlePart(String key) {
        return "%" + NameKeys.SEPARATOR + "%" + escapeLike(key) + "%";
    }

    static String escapeLike(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (char c : s.toCharArray()) {
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
