package org.tonearm.listens;

import java.util.List;

/**
 * The compatibility protocols' one read (and delete) access to a user's stored listens: ListenBrainz's "user's
 * listens", "listen count" and "delete a listen", Last.fm's {@code user.getRecentTracks}. Every window is half-open,
 * {@code fromMs <= listened_at < toMs} (a null bound is open), and walks ix_listens_user_time. Every call is scoped by
 * {@code userId}: one user never reaches another's rows (docs/api.md#accounts-and-authentication).
 * <p>
 * The other reads of listens are the native API's ({@link ListenJournal}: its filters, cursor, corrections) and the
 * exports' bulk walk ({@link ListenArchive}); all three share one repository, so a time window means the same rows
 * in every protocol.
 */
public interface ListenHistory {

    /** Which end of the time window a limited read starts from; results are always returned newest first. */
    enum Start {
        /** the newest listens of the window (a backward scan of ix_listens_user_time) */
        NEWEST,
        /** the oldest listens of the window, e.g. "the next listens after a timestamp" */
        OLDEST
    }

    /**
     * Up to {@code limit} listens of the window, taken from the {@code start} end and returned newest first, with
     * their catalog entries (ListenBrainz's keyset paging by {@code min_ts}/{@code max_ts}).
     */
    List<StoredListen> window(long userId, Long fromMs, Long toMs, int limit, Start start);

    /**
     * One page of the window, newest first, skipping {@code offset} listens, with the primary artist's, the track's
     * and the album's names and MusicBrainz ids (Last.fm's page-numbered {@code user.getRecentTracks}).
     */
    List<Entry> page(long userId, Long fromMs, Long toMs, int limit, int offset);

    /** How many listens the window holds. */
    long count(long userId, Long fromMs, Long toMs);

    /** How many listens the user has and the first and last start times (null when there are none). */
    Span span(long userId);

    /** Deletes one listen of the user (with the duplicates it absorbed); false when there is no such listen. */
    boolean delete(long userId, long listenId);

    record Span(long count, Long oldestMs, Long newestMs) {}

    /** One stored listen with its catalog names; {@code album} and the mbids may be null. */
    record Entry(long listenId, long listenedAtMs, String track, String artist, String album, String trackMbid,
            String artistMbid, String albumMbid) {}
}
