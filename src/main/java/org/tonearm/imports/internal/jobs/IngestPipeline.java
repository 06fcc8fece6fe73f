package org.tonearm.imports.internal.jobs;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.tonearm.imports.internal.persistence.ImportProgress;

/**
 * The second stage of an import job: a thread of its own ({@code import-<job id>-ingest}) commits, in order, the
 * batches that the job's worker thread (reading and mapping rows into {@link BatchingSink}) hands over, so reading
 * the next rows overlaps the funnel's work on the previous batch. The hand-off is bounded: at most {@link #QUEUED}
 * batches wait, plus the one being committed and the one being filled, so memory stays constant whatever the file
 * size. Each batch still commits with its own checkpoint (exactly once, resumable), and batches commit in the
 * order they were read, so a pipelined job ends with the same rows and counts as a sequential one.
 *
 * <p>Failures cross over: what stops the committing thread (the job was cancelled or taken over, the node is
 * stopping, a database error) is thrown to the reading thread at its next hand-off and by {@link #finish()};
 * {@link #failed()} lets the parser stop at its next row. When the reading side fails (an unreadable file), the
 * batches it handed over before are still committed by {@link #close()}, as the sequential job did, and the thread
 * ends: it never outlives the job's run.
 */
final class IngestPipeline implements AutoCloseable {

    /** Batches waiting for the committing thread: one is enough to overlap, two absorb uneven batch times. */
    static final int QUEUED = 2;
    private static final long WAIT_MS = 100;
    /** Hand-off marker: the reading side is done; commit what is queued, then end. */
    private static final PendingBatch END = new PendingBatch(List.of(), List.of(), List.of(), 0, 0, 0, 0, 0, 0);

    /** Commits one batch after {@code before}; returns the job's progress after it. */
    interface Committer {
        ImportProgress commit(ImportProgress before, PendingBatch batch);
    }

    private final BlockingQueue<PendingBatch> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Committer committer;
    private final BooleanSupplier stopping;
    private final Thread thread;
    private volatile ImportProgress progress;
    private volatile Throwable failure;
    /** The reading thread was interrupted (node shutting down): commit nothing after the batch in progress. */
    private volatile boolean abandoned;
    private boolean closed;

    IngestPipeline(String threadName, ImportProgress start, Committer committer, BooleanSupplier stopping) {
        this.progress = start;
        this.committer = committer;
        this.stopping = stopping;
        this.thread = Thread.ofPlatform().name(threadName).start(this::commitInOrder);
    }

    /**
     * Hands a batch over, waiting while {@link #QUEUED} batches are pending. Throws what stopped the committing
     * thread, or {@link JobStoppedException} when the node is stopping.
     */
    void submit(PendingBatch batch) {
        if (stopping.getAsBoolean()) {
            throw new JobStoppedException(JobStoppedException.Why.NODE_STOPPING);
        }
        try {
            do {
                rethrowFailure();
            } while (!queue.offer(batch, WAIT_MS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobStoppedException(JobStoppedException.Why.NODE_STOPPING);
        }
    }

    /** True once the committing thread stopped on a failure: the reader should stop (the failure follows). */
    boolean failed() {
        return failure != null;
    }

    /**
     * True once the node is stopping: the reader stops at its next row instead of filling its batch first, so a
     * job is handed back within moments of SIGTERM even when its rows come slowly (issue #16). The rows read
     * since the last committed checkpoint are simply read again by the resumed run.
     */
    boolean stopping() {
        return stopping.getAsBoolean();
    }

    /** The reading side is done: waits until every batch handed over is committed; the job's final progress. */
    ImportProgress finish() {
        close();
        rethrowFailure();
        return progress;
    }

    /**
     * Lets the committing thread commit what is queued and waits for it to end (at once when it failed). Never
     * throws: on the error path the reading side's own exception is what the job reports. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean endHandedOver = false;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                if (endHandedOver) {
                    thread.join();
                } else {
                    endHandedOver = queue.offer(END, WAIT_MS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                // the node is shutting down: no new commit starts; the one in progress finishes or rolls back
                interrupted = true;
                abandoned = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void commitInOrder() {
        try {
            for (PendingBatch batch = queue.take(); batch != END && !abandoned; batch = queue.take()) {
                if (stopping.getAsBoolean()) {
                    throw new JobStoppedException(JobStoppedException.Why.NODE_STOPPING);
                }
                progress = committer.commit(progress, batch);
            }
        } catch (Throwable e) {
            failure = e;
            queue.clear(); // frees a reader waiting for room; nothing queued is committed any more
        }
    }

    private void rethrowFailure() {
        Throwable e = failure;
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException("import ingest thread stopped", e);
        }
    }
}
