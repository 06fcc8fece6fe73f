package org.tonearm.imports.internal.jobs;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.imports.internal.persistence.ImportProgress;
import org.tonearm.imports.internal.persistence.JooqImportJobRepository;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.ListenService;
import org.tonearm.shared.Database;

/**
 * Writes one batch exactly once: its listens (through the funnel), its error lines and the job's new counters and
 * checkpoint commit in ONE transaction ({@code Database#write} is re-entrant, so the funnel's own write joins it).
 * A crash before the commit loses the batch and its checkpoint together; the resumed run re-reads those rows.
 * Restored listens of an account export are replayed in rounds ({@link RestoredListenReplay}) in the same transaction.
 */
@Component
class ImportBatchWriter {

    private final Database database;
    private final ListenService listens;
    private final JooqImportJobRepository jobs;

    ImportBatchWriter(Database database, ListenService listens, JooqImportJobRepository jobs) {
        this.database = database;
        this.listens = listens;
        this.jobs = jobs;
    }

    /** The batch's outcome folded into the job's counters: the progress now committed. */
    ImportProgress write(long jobId, long userId, String node, ImportProgress before, PendingBatch batch) {
        return database.write(() -> {
            long created = 0;
            long merged = 0;
            long duplicates = 0;
            long refused = 0;
            if (!batch.listens().isEmpty()) {
                List<IngestResult> results = listens.ingestBatch(batch.listens());
                for (IngestResult r : results) {
                    switch (r.status()) {
                        case CREATED -> created++;
                        case MERGED -> merged++;
                        case DUPLICATE -> duplicates++;
                        // BatchingSink reported the row already; this is one that turned insane since (now + 1 h)
                        case REFUSED -> refused++;
                    }
                }
            }
            if (!batch.restored().isEmpty()) {
                RestoredListenReplay.Counts counts = RestoredListenReplay.replay(listens, batch.restored());
                created += counts.created();
                merged += counts.merged();
                duplicates += counts.duplicates();
            }
            jobs.insertErrors(userId, jobId, batch.errors());
            ImportProgress after = new ImportProgress(batch.bytesRead(), before.imported() + created,
                    before.merged() + merged, before.duplicates() + duplicates, before.skipped() + batch.skipped(),
                    before.failed() + batch.failed() + refused, before.skippedFiles() + batch.skippedFiles(),
                    batch.checkpointEntry(), batch.checkpointRow());
            if (!jobs.saveProgress(jobId, node, after, System.currentTimeMillis())) {
                // cancelled or re-claimed by another node meanwhile: roll this batch back and stop
                throw new JobStoppedException(JobStoppedException.Why.CANCELLED_OR_LOST);
            }
            return after;
        });
    }
}
