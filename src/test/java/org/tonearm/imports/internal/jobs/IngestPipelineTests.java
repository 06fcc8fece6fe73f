package org.tonearm.imports.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tonearm.imports.internal.persistence.ImportProgress;

/**
 * The hand-off between an import's reading thread and its committing thread: order, the bound on batches in
 * memory, failures crossing from the committing side, and the thread never outliving the run. The committer here
 * only records what it is given (the real one, ImportBatchWriter, is exercised by the import integration tests).
 */
class IngestPipelineTests {

    private static final ImportProgress START = new ImportProgress(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final List<Long> committed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private IngestPipeline pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void commitsEveryBatchInTheOrderReadOnItsOwnNamedThreadAndReportsTheLastProgress() {
        List<String> threads = new CopyOnWriteArrayList<>();
        pipeline = new IngestPipeline("import-7-ingest", START, (before, batch) -> {
            threads.add(Thread.currentThread().getName());
            return recordCommit(before, batch);
        }, stopping::get);

        for (long row = 1; row <= 50; row++) {
            pipeline.submit(batch(row));
        }
        ImportProgress end = pipeline.finish();

        assertThat(committed).hasSize(50).isSorted();
        assertThat(end.checkpointRow()).isEqualTo(50);
        assertThat(end.skipped()).isEqualTo(50);
        assertThat(threads).containsOnly("import-7-ingest");
        assertThat(ingestThreadAlive("import-7-ingest")).isFalse();
    }

    @Test
    void theReaderWaitsWhenTheQueueIsFullSoBatchesInMemoryStayBounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        pipeline = new IngestPipeline("import-8-ingest", START, (before, batch) -> {
            await(release);
            return recordCommit(before, batch);
        }, stopping::get);
        pipeline.submit(batch(1)); // taken by the committing thread, which then waits
        awaitQueueTaken();
        for (long row = 2; row <= 1 + IngestPipeline.QUEUED; row++) {
            pipeline.submit(batch(row));
        }

        Thread reader = Thread.ofPlatform().start(() -> pipeline.submit(batch(9)));
        reader.join(300);

        assertThat(reader.isAlive()).as("a reader one batch over the bound waits").isTrue();
        release.countDown();
        reader.join(5_000);
        assertThat(reader.isAlive()).isFalse();
        pipeline.finish();
        assertThat(committed).containsExactly(1L, 2L, 3L, 9L);
    }

    @Test
    void aCancelSeenByTheCommittingThreadStopsTheReaderAtItsNextBatchAndCommitsNothingMore() {
        pipeline = new IngestPipeline("import-9-ingest", START, (before, batch) -> {
            if (batch.checkpointRow() == 2) {
                throw new JobStoppedException(JobStoppedException.Why.CANCELLED_OR_LOST);
            }
            return recordCommit(before, batch);
        }, stopping::get);
        pipeline.submit(batch(1));
        pipeline.submit(batch(2));

        assertThatThrownBy(() -> {
            for (long row = 3; row < 1_000; row++) {
                pipeline.submit(batch(row));
            }
        }).isInstanceOf(JobStoppedException.class);
        assertThat(pipeline.failed()).isTrue();
        assertThatThrownBy(pipeline::finish).isInstanceOf(JobStoppedException.class)
                .extracting(e -> ((JobStoppedException) e).why()).isEqualTo(JobStoppedException.Why.CANCELLED_OR_LOST);
        assertThat(committed).containsExactly(1L);
        assertThat(ingestThreadAlive("import-9-ingest")).isFalse();
    }

    @Test
    void aDatabaseErrorOnTheCommittingSideSurfacesOnTheReadingSide() {
        IllegalStateException databaseDown = new IllegalStateException("database down");
        pipeline = new IngestPipeline("import-10-ingest", START, (before, batch) -> {
            throw databaseDown;
        }, stopping::get);
        pipeline.submit(batch(1));

        assertThatThrownBy(pipeline::finish).isSameAs(databaseDown);
        assertThat(ingestThreadAlive("import-10-ingest")).isFalse();
    }

    @Test
    void whenTheReaderFailsTheBatchesItHandedOverAreStillCommittedThenTheThreadEnds() {
        CountDownLatch release = new CountDownLatch(1);
        pipeline = new IngestPipeline("import-11-ingest", START, (before, batch) -> {
            await(release);
            return recordCommit(before, batch);
        }, stopping::get);
        pipeline.submit(batch(1));
        pipeline.submit(batch(2));
        release.countDown();

        pipeline.close(); // what try-with-resources does when the file turns out unreadable

        assertThat(committed).containsExactly(1L, 2L);
        assertThat(ingestThreadAlive("import-11-ingest")).isFalse();
    }

    @Test
    void aStoppingNodeCommitsNoFurtherBatchAndTheReaderStops() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        pipeline = new IngestPipeline("import-12-ingest", START, (before, batch) -> {
            await(release);
            return recordCommit(before, batch);
        }, stopping::get);
        pipeline.submit(batch(1));
        awaitQueueTaken();
        pipeline.submit(batch(2));

        stopping.set(true);
        release.countDown();

        assertThatThrownBy(() -> pipeline.submit(batch(3))).isInstanceOf(JobStoppedException.class)
                .extracting(e -> ((JobStoppedException) e).why()).isEqualTo(JobStoppedException.Why.NODE_STOPPING);
        assertThatThrownBy(pipeline::finish).isInstanceOf(JobStoppedException.class);
        assertThat(committed).containsExactly(1L); // the batch in progress finishes; the queued one is not begun
    }

    private ImportProgress recordCommit(ImportProgress before, PendingBatch batch) {
        committed.add(batch.checkpointRow());
        return new ImportProgress(batch.bytesRead(), before.imported(), 0, 0, before.skipped() + batch.skipped(), 0, 0,
                batch.checkpointEntry(), batch.checkpointRow(), batch.checkpointSorted());
    }

    private static PendingBatch batch(long row) {
        return new PendingBatch(List.of(), List.of(), List.of(), 1, 0, 0, 0, row, row * 100);
    }

    /** Waits until the committing thread took the first batch and waits in the committer (the queue is empty). */
    private void awaitQueueTaken() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && !committingThreadWaits()) {
            Thread.sleep(5);
        }
    }

    private static boolean committingThreadWaits() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().endsWith("-ingest") && t.getState() == Thread.State.WAITING
                        && java.util.Arrays.stream(t.getStackTrace())
                                .anyMatch(f -> f.getClassName().equals(CountDownLatch.class.getName())));
    }

    private static boolean ingestThreadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
