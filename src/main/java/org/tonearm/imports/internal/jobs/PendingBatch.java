package org.tonearm.imports.internal.jobs;

import java.util.List;
import org.tonearm.imports.RestoredListen;
import org.tonearm.imports.internal.persistence.ImportErrorRow;
import org.tonearm.listens.IncomingListen;

/**
 * One batch as the parsing side hands it over: its plain listens, its restored ones (an account export's, replayed
 * by {@link RestoredListenReplay} in the batch's transaction), its error lines and counts, and the checkpoint its
 * commit records ("entry {@code checkpointEntry} is read up to row {@code checkpointRow}"), with the upload's bytes
 * read at that point (for the job's estimate of its total). Its lists belong to the committing thread once handed
 * over: the parsing side starts new ones.
 */
record PendingBatch(List<IncomingListen> listens, List<RestoredListen> restored, List<ImportErrorRow> errors,
        long skipped, long failed, int skippedFiles, int checkpointEntry, long checkpointRow, long bytesRead) {}
