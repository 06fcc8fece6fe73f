package org.tonearm.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's enrichment data (docs/api.md#enrichment): MusicBrainz ids found by lookup, artist countries and
 * genres, release years and cover art, and per entry the state of its lookup. The data belongs to the catalog; the
 * background worker in {@code integrations} reads what is due and writes what it found through this façade only.
 *
 * <p>An entry's own {@code mbid} column (what a client submitted) is never written here: a found id goes to the
 * enrichment row, and a submitted one wins wherever both exist.
 */
public interface CatalogEnrichment {

    /** A lookup's state. Only PENDING and FAILED (with attempts left) are ever due. */
    enum Status { PENDING, DONE, NOT_FOUND, FAILED }

    /**
     * One entry to look up.
     *
     * @param name the artist's name, the album's or the track's title
     * @param artistName the album's or track's primary artist; null for artists (and albums without an artist)
     * @param submittedMbid the MBID a client submitted for it (artist, release or recording), or null
     * @param attempts failed attempts so far
     */
    record Task(CatalogKind kind, long id, String name, String artistName, String submittedMbid, int attempts) {}

    /** What is stored about one entry (for pages and tests). */
    record State(CatalogKind kind, long id, Status status, int attempts, Instant nextAttemptAt, String lastError,
            String foundMbid, String country, Integer releaseYear, String coverUrl, List<String> genres) {}

    /**
     * Notes catalog entries created since the last call as PENDING (so ingest itself never waits for this), then
     * returns up to {@code limit} entries whose next attempt is due at {@code now}, the longest waiting first.
     */
    List<Task> due(Instant now, int limit);

    /**
     * @param genres tag name → vote count, the artist's top ones
     */
    void artistFound(long artistId, String mbid, String country, Map<String, Integer> genres, Instant now);

    void trackFound(long trackId, String mbid, Integer releaseYear, Instant now);

    void albumFound(long albumId, String mbid, Integer releaseYear, String coverUrl, Instant now);

    /** MusicBrainz has no (unambiguous) match: never asked again. */
    void notFound(CatalogKind kind, long id, Instant now);

    /**
     * A lookup failed: one more attempt counted, the next one at {@code nextAttempt}, or never when it is null
     * (status FAILED for good).
     */
    void failed(CatalogKind kind, long id, String error, Instant nextAttempt, Instant now);

    Optional<State> state(CatalogKind kind, long id);
}
