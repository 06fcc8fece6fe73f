package org.tonearm.listens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tonearm.catalog.ArtistRef;

/**
 * The native API's listen list, correction and delete (docs/api.md#listens) for other modules, chiefly the web UI's
 * history page: the same filters, cursor, validation and messages as {@code GET/PATCH/DELETE /api/v1/listens}, so a
 * page can never accept what the API refuses. Every call is scoped by {@code userId}.
 */
public interface ListenJournal {

    /** The API's list parameters as text (blank = not given); invalid values throw the API's VALIDATION_ERROR. */
    record Query(String from, String to, String artist, String album, String track, String service, String q,
            String cursor, int limit) {}

    /** One listen with its catalog names; {@code albumId}/{@code album} may be null. */
    record Entry(long id, Instant listenedAt, long trackId, String track, List<ArtistRef> artists, Long albumId,
            String album, Long trackLengthMs, Long durationPlayedMs, String service, String channel,
            String classification) {

        /** The credited artists joined as the API lists them (primary first). */
        public String artistLine() {
            return String.join(", ", artists.stream().map(ArtistRef::name).toList());
        }
    }

    /** A page of listens newest first and the cursor of the next page (null on the last). */
    record Page(List<Entry> items, String next) {}

    Page page(long userId, Query query);

    Optional<Entry> find(long userId, long listenId);

    /**
     * Corrects one listen with the fields {@code PATCH /api/v1/listens/{id}} accepts ({@code artist}, {@code artists},
     * {@code track}, {@code album}, {@code track_length_ms}); a null value clears a clearable field.
     *
     * @throws org.tonearm.shared.TonearmException the API's VALIDATION_ERROR (per field) or NOT_FOUND
     */
    Entry correct(long userId, long listenId, Map<String, Object> fields);

    /** Deletes one listen (with the duplicates it absorbed); false when the user has no such listen. */
    boolean delete(long userId, long listenId);
}
