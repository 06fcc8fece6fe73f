package org.tonearm.listens;

import java.util.function.Consumer;

/**
 * A user's whole stored history for the exports (docs/api.md#imports-and-exports): every listen with its absorbed sources and catalog text.
 * The one place other modules read the listens tables in bulk.
 */
public interface ListenArchive {

    /**
     * Hands every listen of the user with {@code fromMs <= listened_at < toMs} (null bounds are open) to
     * {@code sink}, oldest first (listened_at, then id). Reads keyset pages of ix_listens_user_time, each in a short
     * read transaction, so memory stays constant whatever the history's size and no connection is held while the
     * sink writes to a slow client. A listen recorded or changed while the walk runs may or may not be seen.
     */
    void forEach(long userId, Long fromMs, Long toMs, Consumer<ArchivedListen> sink);
}
