package org.tonearm.imports.internal.jobs;

import java.util.List;
import org.tonearm.imports.RestoredListen;
import org.tonearm.imports.internal.persistence.ImportErrorRow;
import org.tonearm.listens.IncomingListen;

/**
 * One batch as the parsing side hands it over: its plain listens (in time order, each with the index of the entry it
 * came from), its restored ones (an account export's, replayed by {@link RestoredListenReplay} in the batch's
 * transaction), its error lines and counts (all of entry {@code entry}), the entries it starts or finishes, and the
 * checkpoints its commit records: "entry {@code checkpointEntry} is read up to row {@code checkpointRow}" and
 * "{@code checkpointSorted} listens of the sorted stream are committed", with the progress estimate in bytes. Its
 * lists belong to the committing thread once handed over: the parsing side starts new ones.
 */
record PendingBatch(List<IncomingListen> listens, List<Integer> listenEntries, List<RestoredListen> restored,
        int entry, List<ImportErrorRow> errors, long skipped, long failed, int skippedFiles, List<EntryEvent> entryEvents,
        int checkpointEntry, long checkpointRow, long checkpointSorted, long bytesRead) {

    /** A batch of one entry's rows in file order, without entry events (tests, the pipeline's end marker). */
    PendingBatch(List<IncomingListen> listens, List<RestoredListen> restored, List<ImportErrorRow> errors,
            long skipped, long failed, int skippedFiles, int checkpointEntry, long checkpointRow, long bytesRead) {
        this(listens, List.of(), restored, checkpointEntry, errors, skipped, failed, skippedFiles, List.of(),
                checkpointEntry, checkpointRow, 0, bytesRead);
    }

    /**
     * An entry of the upload met while reading: started (its format known, or skipped with a reason) or read to its
     * end ({@code rowCount} set).
     */
    record EntryEvent(int index, String name, String format, String skipReason, Long rowCount) {}
}
