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
 * Takes an upload's rows in two phases (docs/formats.md#row-order). While the files are read, plain listens go to
 * the {@link ListenSpool} (an external sort), and the rows reported at once — skipped, failed, an account export's
 * restored listens — are collected into batches of {@code batchSize} events, handed to the {@link IngestPipeline}
 * and committed with the checkpoint "this entry, up to this row". Then {@link #drainSorted} hands the spooled
 * listens over in time order, in batches of {@code batchSize} cut only where the start time changes, each committed
 * with the checkpoint "this many sorted listens". A resumed run reads every file again: reported rows at or below
 * the first checkpoint are ignored, and the sorted listens up to the second are skipped, which is what makes it end
 * with the same rows and counts as an uninterrupted one. Runs on the job's reading thread only.
 */
final class BatchingSink implements ImportSink {

    /** Raw rows in the error report are cut here: enough to see the problem, bounded in size. */
    static final int RAW_LIMIT = 4_000;

    private final RunContext run;
    private final IngestPipeline pipeline;
    private final LongSupplier bytesRead;
    private final ImportProgress start;
    private final ListenSpool spool;

    private int entryIndex;
    private String entryName;
    private String origin;
    private long resumeAfterRow;
    /** Rows of the current entry, whatever their outcome and whether a resumed run ignores them. */
    private long entryRows;
    private List<PendingBatch.EntryEvent> entryEvents = new ArrayList<>();

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
            ReplayConflicts conflicts, ListenSpool spool) {
        this.run = run;
        this.spool = spool;
        this.pipeline = pipeline;
        this.start = start;
        this.checkpointEntryRead = start.checkpointEntry();
        this.checkpointRowRead = start.checkpointRow();
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
        // a resumed run reads every entry again (its listens are sorted anew); what it reported is ignored up to here
        resumeAfterRow = index < start.checkpointEntry() ? Long.MAX_VALUE
                : index == start.checkpointEntry() ? start.checkpointRow() : 0;
        lastRow = index < start.checkpointEntry() ? 0 : resumeAfterRow;
        entryRows = 0;
        entryEvents.add(new PendingBatch.EntryEvent(index, name, formatId, null, null));
    }

    /** The entry is done: commit what is pending, its row count, and move the checkpoint past it. */
    void endEntry() {
        entryEvents.add(new PendingBatch.EntryEvent(entryIndex, entryName, origin, null, entryRows));
        flush(Math.max(entryIndex + 1, start.checkpointEntry()), 0);
    }

    /** A file inside a zip of no known format: reported, counted (once, also when resumed), the checkpoint moves past it. */
    void unknownEntry(int index, String name) {
        entryIndex = index;
        entryName = name;
        String reason = "no known import format: file skipped";
        entryEvents.add(new PendingBatch.EntryEvent(index, name, null, reason, null));
        if (index >= start.checkpointEntry()) {
            skippedFiles++;
            errors.add(new ImportErrorRow(0, name, reason, null));
        }
        flush(Math.max(index + 1, start.checkpointEntry()), 0);
    }

    /**
     * The second phase: every spooled listen in time order, in batches of {@code batchSize} that end only where the
     * start time changes (so the funnel, which decides each batch in start order, decides the whole stream as one;
     * a run of more than {@link #MAX_BATCH_FACTOR} × {@code batchSize} listens with one start is cut all the same, to
     * bound memory). The first {@code checkpointSorted} listens were committed by an earlier run.
     */
    void drainSorted(long fileSize) {
        long reported = start.skipped() + start.failed() + reportedThisRun;
        long total = spool.size() + reported;
        long position = 0;
        long lastStart = Long.MIN_VALUE;
        List<Integer> entries = new ArrayList<>();
        entryIndex = -1;
        var sorted = spool.sorted();
        while (sorted.hasNext() && !cancelled()) {
            ListenSpool.Spooled next = sorted.next();
            position++;
            if (position <= start.checkpointSorted()) {
                continue;
            }
            boolean full = listens.size() >= run.batchSize();
            if (full && (next.startMs() != lastStart || listens.size() >= run.batchSize() * MAX_BATCH_FACTOR)) {
                flushSorted(entries, position - 1, fileSize, reported, total);
                entries = new ArrayList<>();
            }
            listens.add(next.listen());
            entries.add(next.entry());
            lastStart = next.startMs();
        }
        if (!cancelled() && !listens.isEmpty()) {
            flushSorted(entries, position, fileSize, reported, total);
        }
    }

    /** Cap of a batch of listens with one start time, in batch sizes. */
    static final int MAX_BATCH_FACTOR = 10;

    private void flushSorted(List<Integer> entries, long position, long fileSize, long reported, long total) {
        // the progress estimate in bytes: the share of all rows (reported while reading, or sorted) now committed
        long bytes = total == 0 ? fileSize : Math.round(fileSize * ((double) (reported + position) / total));
        PendingBatch batch = new PendingBatch(listens, entries, List.of(), -1, List.of(), 0, 0, 0, List.of(),
                checkpointEntryRead, 0, position, Math.max(1, bytes));
        submit(batch);
        listens = newListens();
    }

    @Override
    public void listen(long rowNumber, IncomingListen listen) {
        if (stopped) {
            return;
        }
        entryRows++;
        // imports always arrive through the import channel, their source refined by the format (listens package-info)
        IncomingListen incoming = new IncomingListen(run.userId(), listen.credit(), listen.listenedAtMs(), listen.stamp(),
                listen.durationPlayedMs(), listen.service(), Channel.IMPORT,
                listen.origin() == null ? origin : listen.origin(), listen.client(), listen.externalId(),
                listen.extra(), listen.raw());
        Optional<ListenRefusal> refusal = ListenSanity.check(incoming);
        if (refusal.isPresent()) {
            // the funnel would refuse it: a row error in the job's report, the job goes on (issue #10)
            reportFailed(rowNumber, reason(refusal.get()), listen.raw());
            return;
        }
        // never ignored on resume: listens are committed in the sorted phase, with their own checkpoint
        spool.add(entryIndex, rowNumber, incoming);
        // counted as an event all the same: every batch-size rows read, a (listen-less) batch commits the reading
        // checkpoint, which is also where a cancel or a lost claim is noticed while a large file is being read
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
        entryRows++;
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
            reportFailed(rowNumber, reason(refusal.get()), mine.primary().raw());
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
        entryRows++;
        if (ignored(rowNumber)) {
            return;
        }
        skipped++;
        counted(rowNumber);
    }

    @Override
    public void failed(long rowNumber, String reason, String rawRow) {
        entryRows++;
        reportFailed(rowNumber, reason, rawRow);
    }

    private void reportFailed(long rowNumber, String reason, String rawRow) {
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

    private void flush(int entry, long row) {
        // a resumed run re-reading entries before its checkpoint never moves the checkpoint back
        boolean behind = entry < checkpointEntryRead || entry == checkpointEntryRead && row < checkpointRowRead;
        int checkpointEntry = behind ? checkpointEntryRead : entry;
        long checkpointRow = behind ? checkpointRowRead : row;
        checkpointRowRead = checkpointRow;
        // while reading, the job shows no estimate (bytes 0): the listens are counted only once sorted and committed
        PendingBatch batch = new PendingBatch(List.of(), List.of(), restored, entryIndex, errors, skipped, failed,
                skippedFiles, entryEvents, checkpointEntry, checkpointRow, start.checkpointSorted(), 0);
        checkpointEntryRead = checkpointEntry;
        submit(batch);
        reportedThisRun += skipped + failed;
        restored = new ArrayList<>();
        errors = new ArrayList<>();
        entryEvents = new ArrayList<>();
        // the next batch commits after this one (the pipeline keeps the order): its listens start independent
        conflicts.clear();
        skipped = 0;
        failed = 0;
        skippedFiles = 0;
        events = 0;
    }

    /** The first checkpoint as the last reading batch recorded it (kept by the sorted batches). */
    private int checkpointEntryRead;
    private long checkpointRowRead;
    /** Skipped and failed rows this run handed over while reading (for the progress estimate). */
    private long reportedThisRun;

    private void submit(PendingBatch batch) {
        try {
            pipeline.submit(batch);
        } catch (JobStoppedException e) {
            stopped = true;
            throw e;
        }
        // the batch's lists now belong to the committing thread: never clear them, start new ones
    }

    private List<IncomingListen> newListens() {
        return new ArrayList<>(Math.min(run.batchSize(), 10_000));
    }

    private static String truncate(String reason) {
        String r = reason == null ? "unreadable row" : reason;
        return r.length() > 1000 ? r.substring(0, 1000) : r;
    }
}
