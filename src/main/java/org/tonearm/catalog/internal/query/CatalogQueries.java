package org.tonearm.catalog.internal.query;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.ArtistRef;
import org.tonearm.catalog.NameKeys;
import org.tonearm.catalog.internal.persistence.CatalogEntries.AlbumEntry;
import org.tonearm.catalog.internal.persistence.CatalogEntries.ArtistEntry;
import org.tonearm.catalog.internal.persistence.CatalogEntries.TrackEntry;
import org.tonearm.catalog.internal.persistence.JooqCatalogQueryRepository;
import org.tonearm.catalog.internal.persistence.JooqCatalogViewRepository;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;

/**
 * The catalog as one user may see it (SPEC §2): only entries of their own listens. An entry the user has
 * never listened to is "not found", exactly like one that does not exist, so ids reveal nothing.
 */
@Service
public class CatalogQueries {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final Database database;
    private final JooqCatalogQueryRepository queries;
    private final JooqCatalogViewRepository views;

    CatalogQueries(Database database, JooqCatalogQueryRepository queries, JooqCatalogViewRepository views) {
        this.database = database;
        this.queries = queries;
        this.views = views;
    }

    /** A track with its credited artists, ordered by position (primary first). */
    public record TrackDetails(TrackEntry track, List<ArtistRef> artists) {}

    public record SearchResults(List<ArtistEntry> artists, List<AlbumEntry> albums, List<TrackDetails> tracks) {}

    public ArtistEntry artist(long userId, long artistId) {
        return queries.artist(userId, artistId).orElseThrow(() -> TonearmException.notFound("Artist " + artistId));
    }

    public AlbumEntry album(long userId, long albumId) {
        return queries.album(userId, albumId).orElseThrow(() -> TonearmException.notFound("Album " + albumId));
    }

    public TrackDetails track(long userId, long trackId) {
        return database.read(() -> {
            TrackEntry track = queries.track(userId, trackId)
                    .orElseThrow(() -> TonearmException.notFound("Track " + trackId));
            return new TrackDetails(track, views.artistsOf(List.of(trackId)).getOrDefault(trackId, List.of()));
        });
    }

    /**
     * Entries whose normalized key contains the normalized {@code q} (so matching ignores case, width and
     * spacing like identity does). {@code type} null searches all three kinds.
     */
    public SearchResults search(long userId, String q, SearchType type, int limit) {
        String key = NameKeys.normalize(q);
        if (key.isEmpty()) {
            throw TonearmException.invalid("q", "must not be blank");
        }
        return database.read(() -> {
            List<ArtistEntry> artists = wants(type, SearchType.ARTIST) ? queries.searchArtists(userId, key, limit) : List.of();
            List<AlbumEntry> albums = wants(type, SearchType.ALBUM) ? queries.searchAlbums(userId, key, limit) : List.of();
            List<TrackEntry> tracks = wants(type, SearchType.TRACK) ? queries.searchTracks(userId, key, limit) : List.of();
            Map<Long, List<ArtistRef>> credits = tracks.isEmpty() ? Map.of()
                    : views.artistsOf(tracks.stream().map(TrackEntry::id).toList());
            return new SearchResults(artists, albums, tracks.stream()
                    .map(t -> new TrackDetails(t, credits.getOrDefault(t.id(), List.of()))).toList());
        });
    }

    private static boolean wants(SearchType requested, SearchType kind) {
        return requested == null || requested == kind;
    }
}
