package org.tonearm.listens;

import java.util.List;

/**
 * Read and delete access to a user's stored listens for other modules (the compatibility protocols' "user's
 * listens", "listen count" and "delete a listen"). Every call is scoped by {@code userId}: one user never reaches
 * another's rows (docs/api.md#accounts-and-authentication).
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
     * Up to {@code limit} listens with {@code fromMs <= listened_at < toMs} (null bounds are open), taken from the
     * {@code start} end of the window and returned newest first, with their catalog entries.
     */
    List<StoredListen> window(long userId, Long fromMs, Long toMs, int limit, Start start);

    /** How many listens the user has and the first and last start times (null when there are none). */
    Span span(long userId);

    /** Deletes one listen of the user (with the duplicates it absorbed); false when there is no such listen. */
    boolean delete(long userId, long listenId);

    record Span(long count, Long oldestMs, Long newestMs) {}
}
