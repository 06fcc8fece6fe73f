package org.tonearm.imports.internal.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.tonearm.imports.ImportSink;
import org.tonearm.imports.RestoredListen;
import org.tonearm.imports.internal.persistence.ImportErrorRow;
import org.tonearm.imports.internal.persistence.ImportProgress;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;

/**
 * Collects a file's rows into batches of {@code batchSize} events and hands each to {@link ImportBatchWriter}
 * with the checkpoint "this entry, up to this row". Rows at or below the resume point of a re-run are ignored,
 * which is what makes a resumed job end with the same rows and counts as an uninterrupted one.
 */
final class BatchingSink implements ImportSink {

    /** Raw rows in the error report are cut here: enough to see the problem, bounded in size. */
    static final int RAW_LIMIT = 4_000;

    private final RunContext run;
    private final ImportBatchWriter writer;
    private final LongSupplier bytesRead;
    private final BooleanSupplier stopping;
    private ImportProgress progress;

    private int entryIndex;
    private String entryName;
    private String origin;
    private long resumeAfterRow;

    private final List<IncomingListen> listens = new ArrayList<>();
    private final List<RestoredListen> restored = new ArrayList<>();
    private final ReplayConflicts conflicts;
    private final List<ImportErrorRow> errors = new ArrayList<>();
    private long skipped;
    private long failed;
    private int skippedFiles;
    private int events;
    private long lastRow;
    private boolean stopped;

    BatchingSink(RunContext run, ImportBatchWriter writer, ImportProgress start, LongSupplier bytesRead,
            BooleanSupplier stopping, ReplayConflicts conflicts) {
        this.run = run;
        this.conflicts = conflicts;
        this.writer = writer;
        this.progress = start;
        this.bytesRead = bytesRead;
        this.stopping = stopping;
    }

    /** Who runs what. */
    record RunContext(long jobId, long userId, String node, int batchSize, int errorsKept) {}

    ImportProgress progress() {
        return progress;
    }

    void startEntry(int index, String name, String formatId) {
        entryIndex = index;
        entryName = name;
        origin = formatId;
        resumeAfterRow = index == progress.checkpointEntry() ? progress.checkpointRow() : 0;
        lastRow = resumeAfterRow;
    }

    /** The entry is done: commit what is pending and move the checkpoint past it. */
    void endEntry() {
        flush(entryIndex + 1, 0);
    }

    /** A file inside a zip of no known format: reported, counted, and the checkpoint moves past it. */
    void unknownEntry(int index, String name) {
        entryIndex = index;
        skippedFiles++;
        errors.add(new ImportErrorRow(0, name, "no known import format: file skipped", null));
        flush(index + 1, 0);
    }

    @Override
    public void listen(long rowNumber, IncomingListen listen) {
        if (ignored(rowNumber)) {
            return;
        }
        // imports always arrive through the import channel, their source refined by the format (listens package-info)
        listens.add(new IncomingListen(run.userId(), listen.credit(), listen.listenedAtMs(), listen.stamp(),
                listen.durationPlayedMs(), listen.service(), Channel.IMPORT,
                listen.origin() == null ? origin : listen.origin(), listen.client(), listen.externalId(),
                listen.extra(), listen.raw()));
        counted(rowNumber);
    }

    /**
     * An account export's listen: its reports keep their channel and origin. When it could interact with a listen
     * already waiting in this batch, the batch is committed first ({@link ReplayConflicts}).
     */
    @Override
    public void restored(long rowNumber, RestoredListen listen) {
        if (ignored(rowNumber)) {
            return;
        }
        if (conflicts.touches(listen) && events > 0) {
            flush(entryIndex, lastRow);
        }
        RestoredListen mine = new RestoredListen(owned(listen.primary()),
                listen.absorbed().stream().map(this::owned).toList());
        restored.add(mine);
        conflicts.add(mine);
        counted(rowNumber);
    }

    /** The job's user, whatever the file says: one user's import never writes another's history. */
    private IncomingListen owned(IncomingListen l) {
        return new IncomingListen(run.userId(), l.credit(), l.listenedAtMs(), l.stamp(), l.durationPlayedMs(),
                l.service(), l.channel(), l.origin(), l.client(), l.externalId(), l.extra(), l.raw());
    }

    @Override
    public void skipped(long rowNumber, String reason) {
        if (ignored(rowNumber)) {
            return;
        }
        skipped++;
        counted(rowNumber);
    }

    @Override
    public void failed(long rowNumber, String reason, String rawRow) {
        if (ignored(rowNumber)) {
            return;
        }
        failed++;
        if (progress.failed() + failed <= run.errorsKept()) {
            String raw = rawRow != null && rawRow.length() > RAW_LIMIT ? rawRow.substring(0, RAW_LIMIT) : rawRow;
            errors.add(new ImportErrorRow(rowNumber, entryName, truncate(reason), raw));
        }
        counted(rowNumber);
    }

    @Override
    public boolean cancelled() {
        return stopped;
    }

    private boolean ignored(long rowNumber) {
        return stopped || rowNumber <= resumeAfterRow;
    }

    private void counted(long rowNumber) {
        lastRow = Math.max(lastRow, rowNumber);
        if (++events >= run.batchSize()) {
            flush(entryIndex, lastRow);
        }
    }

    private void flush(int checkpointEntry, long checkpointRow) {
        if (stopping.getAsBoolean()) {
            stopped = true;
            throw new JobStoppedException(JobStoppedException.Why.NODE_STOPPING);
        }
        try {
            progress = writer.write(run.jobId(), run.userId(), run.node(), progress,
                    new ImportBatchWriter.PendingBatch(List.copyOf(listens), List.copyOf(restored),
                            List.copyOf(errors), skipped, failed, skippedFiles),
                    checkpointEntry, checkpointRow, bytesRead.getAsLong());
        } catch (JobStoppedException e) {
            stopped = true;
            throw e;
        }
        listens.clear();
        restored.clear();
        conflicts.clear();
        errors.clear();
        skipped = 0;
        failed = 0;
        skippedFiles = 0;
        events = 0;
    }

    private static String truncate(String reason) {
        String r = reason == null ? "unreadable row" : reason;
        return r.length() > 1000 ? r.substring(0, 1000) : r;
    }
}
