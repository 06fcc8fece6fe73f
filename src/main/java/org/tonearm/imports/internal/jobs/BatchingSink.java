package org.tonearm.imports.internal.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.tonearm.imports.ImportSink;
import org.tonearm.imports.RestoredListen;
import org.tonearm.imports.internal.persistence.ImportErrorRow;
import org.tonearm.imports.internal.persistence.ImportProgress;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListenRefusal;
import org.tonearm.listens.ListenSanity;

/**
 * Collects a file's rows into batches of {@code batchSize} events (rows of any outcome) and hands each to the
 * {@link IngestPipeline}, which commits it with the checkpoint "this entry, up to this row". Rows at or below the
 * resume point of a re-run are ignored, which is what makes a resumed job end with the same rows and counts as an
 * uninterrupted one. Runs on the job's reading thread only.
 */
final class BatchingSink implements ImportSink {

    /** Raw rows in the error report are cut here: enough to see the problem, bounded in size. */
    static final int RAW_LIMIT = 4_000;

    private final RunContext run;
    private final IngestPipeline pipeline;
    private final LongSupplier bytesRead;
    private final ImportProgress start;

    private int entryIndex;
    private String entryName;
    private String origin;
    private long resumeAfterRow;

    private List<IncomingListen> listens;
    private List<RestoredListen> restored = new ArrayList<>();
    /** The restored listens waiting in this batch (this thread only; the committing thread never sees it). */
    private final ReplayConflicts conflicts;
    private List<ImportErrorRow> errors = new ArrayList<>();
    private long skipped;
    private long failed;
    /** Failed rows read so far, committed or not: decides which error lines are kept. */
    private long failedSoFar;
    private int skippedFiles;
    private int events;
    private long lastRow;
    private boolean stopped;

    BatchingSink(RunContext run, IngestPipeline pipeline, ImportProgress start, LongSupplier bytesRead,
            ReplayConflicts conflicts) {
        this.run = run;
        this.pipeline = pipeline;
        this.start = start;
        this.conflicts = conflicts;
        this.bytesRead = bytesRead;
        this.failedSoFar = start.failed();
        this.listens = newListens();
    }

    /** Whose rows, how many per batch, how many error lines are kept. */
    record RunContext(long userId, int batchSize, int errorsKept) {}

    void startEntry(int index, String name, String formatId) {
        entryIndex = index;
        entryName = name;
        origin = formatId;
        resumeAfterRow = index == start.checkpointEntry() ? start.checkpointRow() : 0;
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
        IncomingListen incoming = new IncomingListen(run.userId(), listen.credit(), listen.listenedAtMs(), listen.stamp(),
                listen.durationPlayedMs(), listen.service(), Channel.IMPORT,
                listen.origin() == null ? origin : listen.origin(), listen.client(), listen.externalId(),
                listen.extra(), listen.raw());
        Optional<ListenRefusal> refusal = ListenSanity.check(incoming);
        if (refusal.isPresent()) {
            // the funnel would refuse it: a row error in the job's report, the job goes on (issue #10)
            failed(rowNumber, reason(refusal.get()), listen.raw());
            return;
        }
        listens.add(incoming);
        counted(rowNumber);
    }

    private static String reason(ListenRefusal refusal) {
        return "not a real play: " + refusal.field() + " " + refusal.message();
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
            // handed over now; the pipeline commits batches in order, so the conflicting listen is stored before
            // the batch this one joins is replayed
            flush(entryIndex, lastRow);
        }
        RestoredListen mine = new RestoredListen(owned(listen.primary()),
                listen.absorbed().stream().map(this::owned).toList());
        Optional<ListenRefusal> refusal = Stream.concat(Stream.of(mine.primary()), mine.absorbed().stream())
                .map(ListenSanity::check).flatMap(Optional::stream).findFirst();
        if (refusal.isPresent()) {
            failed(rowNumber, reason(refusal.get()), mine.primary().raw());
            return;
        }
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
        if (++failedSoFar <= run.errorsKept()) {
            String raw = rawRow != null && rawRow.length() > RAW_LIMIT ? rawRow.substring(0, RAW_LIMIT) : rawRow;
            // a row refused for a NUL character is shown with U+FFFD instead: PostgreSQL text cannot hold NUL
            raw = raw == null ? null : raw.replace('\0', '\uFFFD');
            errors.add(new ImportErrorRow(rowNumber, entryName, truncate(reason), raw));
        }
        counted(rowNumber);
    }

    /**
     * True when the job stopped (cancelled, taken over, node stopping) or its commits failed: stop reading. A parser
     * that stops on it returns, and the hand-off at the entry's end throws what stopped the job.
     */
    @Override
    public boolean cancelled() {
        return stopped || pipeline.failed() || pipeline.stopping();
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
        PendingBatch batch = new PendingBatch(listens, restored, errors, skipped, failed, skippedFiles, checkpointEntry,
                checkpointRow, bytesRead.getAsLong());
        try {
            pipeline.submit(batch);
        } catch (JobStoppedException e) {
            stopped = true;
            throw e;
        }
        // the batch's lists now belong to the committing thread: never clear them, start new ones
        listens = newListens();
        restored = new ArrayList<>();
        errors = new ArrayList<>();
        // the next batch commits after this one (the pipeline keeps the order): its listens start independent
        conflicts.clear();
        skipped = 0;
        failed = 0;
        skippedFiles = 0;
        events = 0;
    }

    private List<IncomingListen> newListens() {
        return new ArrayList<>(Math.min(run.batchSize(), 10_000));
    }

    private static String truncate(String reason) {
        String r = reason == null ? "unreadable row" : reason;
        return r.length() > 1000 ? r.substring(0, 1000) : r;
    }
}
