package org.tonearm.imports;

import org.tonearm.listens.IncomingListen;

/** Receives a file's rows in order. {@code rowNumber} counts from 1 in the file (data rows or lines). */
public interface ImportSink {

    /** A music play: goes through the ingestion funnel (channel IMPORT, origin = the format id). */
    void listen(long rowNumber, IncomingListen listen);

    /**
     * A listen of Tonearm's own account export with the reports it had absorbed: recorded with the channel and
     * origin each report carries (a move between instances keeps where a play came from) and replayed so the funnel
     * rebuilds the same stored listen. Only the account format emits these.
     */
    default void restored(long rowNumber, RestoredListen listen) {
        throw new UnsupportedOperationException("this sink does not restore account exports");
    }

    /** A row that is valid but not a music play (podcast, audiobook, incognito, video): counted as skipped. */
    void skipped(long rowNumber, String reason);

    /** A row that cannot be read: counted as failed and kept in the error report with its raw text. */
    void failed(long rowNumber, String reason, String rawRow);

    /** True when the job was cancelled: parsers should stop early. */
    default boolean cancelled() {
        return false;
    }
}
