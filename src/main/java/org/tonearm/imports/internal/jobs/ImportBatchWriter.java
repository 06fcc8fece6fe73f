package org.tonearm.imports.internal.jobs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonearm.imports.internal.persistence.EntryCounts;
import org.tonearm.imports.internal.persistence.ImportProgress;
import org.tonearm.imports.internal.persistence.JooqImportEntryRepository;
import org.tonearm.imports.internal.persistence.JooqImportJobRepository;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.ListenService;
import org.tonearm.shared.Database;

/**
 * Writes one batch exactly once: its listens (through the funnel), its error lines and the job's new counters and
 * checkpoint commit in ONE transaction ({@code Database#write} is re-entrant, so the funnel's own write joins it).
 * A crash before the commit loses the batch and its checkpoint together; the resumed run re-reads those rows.
 * Restored listens of an account export are replayed in rounds ({@link RestoredListenReplay}) in the same transaction.
 * The per-file report ({@code import_job_entries}) grows in the same transaction, so it survives a resume unchanged.
 */
@Component
class ImportBatchWriter {

    private final Database database;
    private final ListenService listens;
    private final JooqImportJobRepository jobs;
    private final JooqImportEntryRepository entries;

    ImportBatchWriter(Database database, ListenService listens, JooqImportJobRepository jobs,
            JooqImportEntryRepository entries) {
        this.entries = entries;
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
            Map<Integer, EntryCounts> perEntry = new HashMap<>();
            if (!batch.listens().isEmpty()) {
                List<IngestResult> results = listens.ingestBatch(batch.listens());
                for (int i = 0; i < results.size(); i++) {
                    EntryCounts one = switch (results.get(i).status()) {
                        case CREATED -> new EntryCounts(1, 0, 0, 0, 0);
                        case MERGED -> new EntryCounts(0, 1, 0, 0, 0);
                        case DUPLICATE -> new EntryCounts(0, 0, 1, 0, 0);
                        // BatchingSink reported the row already; this is one that turned insane since (now + 1 h)
                        case REFUSED -> new EntryCounts(0, 0, 0, 0, 1);
                    };
                    created += one.imported();
                    merged += one.merged();
                    duplicates += one.duplicates();
                    refused += one.failed();
                    int entry = batch.listenEntries().isEmpty() ? batch.entry() : batch.listenEntries().get(i);
                    perEntry.merge(entry, one, EntryCounts::plus);
                }
            }
            EntryCounts read = new EntryCounts(0, 0, 0, batch.skipped(), batch.failed());
            if (!batch.restored().isEmpty()) {
                RestoredListenReplay.Counts counts = RestoredListenReplay.replay(listens, batch.restored());
                created += counts.created();
                merged += counts.merged();
                duplicates += counts.duplicates();
                read = read.plus(new EntryCounts(counts.created(), counts.merged(), counts.duplicates(), 0, 0));
            }
            perEntry.merge(batch.entry(), read, EntryCounts::plus);
            for (PendingBatch.EntryEvent e : batch.entryEvents()) {
                entries.insertIfAbsent(userId, jobId, e.index(), e.name(), e.format(), e.skipReason());
                if (e.rowCount() != null) {
                    entries.setRowCount(jobId, e.index(), e.rowCount());
                }
            }
            entries.add(jobId, perEntry);
            jobs.insertErrors(userId, jobId, batch.errors());
            ImportProgress after = new ImportProgress(batch.bytesRead(), before.imported() + created,
                    before.merged() + merged, before.duplicates() + duplicates, before.skipped() + batch.skipped(),
                    before.failed() + batch.failed() + refused, before.skippedFiles() + batch.skippedFiles(),
                    batch.checkpointEntry(), batch.checkpointRow(), batch.checkpointSorted());
            if (!jobs.saveProgress(jobId, node, after, System.currentTimeMillis())) {
                // cancelled or re-claimed by another node meanwhile: roll this batch back and stop
                throw new JobStoppedException(JobStoppedException.Why.CANCELLED_OR_LOST);
            }
            return after;
        });
    }
}
