package org.tonearm.imports.internal.jobs;

import java.util.List;
import org.tonearm.imports.internal.persistence.ImportErrorRow;
import org.tonearm.listens.IncomingListen;

/**
 * One batch as the parsing side hands it over: its listens, its error lines and counts, and the checkpoint its
 * commit records ("entry {@code checkpointEntry} is read up to row {@code checkpointRow}"), with the upload's bytes
 * read at that point (for the job's estimate of its total).
 */
record PendingBatch(List<IncomingListen> listens, List<ImportErrorRow> errors, long skipped, long failed,
        int skippedFiles, int checkpointEntry, long checkpointRow, long bytesRead) {}
