package org.tonearm.listens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.Service;

/**
 * The combining logic alone, with a stand-in for the write transaction (the real one is covered by
 * ListenServiceIntegrationTests' concurrent test on both databases): every caller gets exactly its own results,
 * concurrent callers share transactions, and one caller's failure stays its own.
 */
class GroupCommitterTests {

    /** The stand-in transaction: result id = the listen's timestamp; user 666 fails the whole transaction. */
    private static final class RecordingTransaction implements Function<List<IncomingListen>, List<IngestResult>> {
        final List<Integer> sizes = new CopyOnWriteArrayList<>();
        volatile long delayMs;

        @Override
        public List<IngestResult> apply(List<IncomingListen> batch) {
            sizes.add(batch.size());
            sleep(delayMs);
            if (batch.stream().anyMatch(l -> l.userId() == 666)) {
                throw new IllegalStateException("poisoned batch");
            }
            return batch.stream().map(l -> new IngestResult(IngestStatus.CREATED, l.listenedAtMs())).toList();
        }
    }

    private static IncomingListen listen(long user, long at) {
        return IncomingListen.of(user, TrackCredit.of("A", "T", null), at, null, Service.OTHER, Channel.NATIVE_API);
    }

    private static List<IncomingListen> batch(long user, long first, int size) {
        List<IncomingListen> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(listen(user, first + i));
        }
        return out;
    }

    @Test
    void aLoneCallerRunsItsOwnBatchAtOnce() {
        var tx = new RecordingTransaction();
        var committer = new GroupCommitter(tx, 5_000);
        List<IngestResult> results = committer.submit(batch(1, 100, 3));
        assertThat(results).extracting(IngestResult::listenId).containsExactly(100L, 101L, 102L);
        assertThat(tx.sizes).containsExactly(3);
    }

    @Test
    void concurrentCallersShareTransactionsAndEachGetsItsOwnResults() throws Exception {
        var tx = new RecordingTransaction();
        tx.delayMs = 2; // a transaction takes a while, as a real commit does, so callers pile up
        var committer = new GroupCommitter(tx, 5_000);
        int callers = 32;
        int perCaller = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            long base = 1_000_000L * (c + 1);
            outcomes.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perCaller; i++) {
                    long at = base + i * 10L;
                    List<IngestResult> r = committer.submit(batch(1, at, 2));
                    if (r.size() != 2 || r.get(0).listenId() != at || r.get(1).listenId() != at + 1) {
                        return false;
                    }
                }
                return true;
            }));
        }
        start.countDown();
        for (Future<Boolean> f : outcomes) {
            assertThat(f.get(60, TimeUnit.SECONDS)).as("every caller got exactly its own results").isTrue();
        }
        pool.shutdown();
        assertThat(tx.sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(callers * perCaller * 2);
        assertThat(tx.sizes.size()).as("transactions for %d submissions", callers * perCaller)
                .isLessThan(callers * perCaller / 4);
    }

    @Test
    void aCombinedTransactionNeverGrowsPastItsLimitButABigBatchStillRuns() throws Exception {
        var tx = new RecordingTransaction();
        tx.delayMs = 20;
        var committer = new GroupCommitter(tx, 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<IngestResult>>> futures = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            long base = 1000L * c;
            futures.add(pool.submit(() -> committer.submit(batch(1, base, 4))));
        }
        futures.add(pool.submit(() -> committer.submit(batch(1, 50_000, 25))));
        for (Future<List<IngestResult>> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(tx.sizes).allMatch(size -> size <= 10 || size == 25);
        assertThat(tx.sizes).contains(25);
    }

    @Test
    void onlyTheFailingCallerSeesAFailure() throws Exception {
        var tx = new RecordingTransaction();
        tx.delayMs = 20;
        var committer = new GroupCommitter(tx, 5_000);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        // the first occupies the leader, so the next ones queue up and are combined with the poisoned one
        Future<List<IngestResult>> first = pool.submit(() -> committer.submit(batch(1, 1, 1)));
        Thread.sleep(5);
        List<Future<List<IngestResult>>> good = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            long at = 100L * (c + 1);
            good.add(pool.submit(() -> committer.submit(batch(2, at, 1))));
        }
        Future<List<IngestResult>> poisoned = pool.submit(() -> committer.submit(batch(666, 9, 1)));
        assertThat(first.get(10, TimeUnit.SECONDS)).extracting(IngestResult::listenId).containsExactly(1L);
        for (int c = 0; c < 4; c++) {
            assertThat(good.get(c).get(10, TimeUnit.SECONDS)).extracting(IngestResult::listenId)
                    .containsExactly(100L * (c + 1));
        }
        assertThatThrownBy(() -> poisoned.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("poisoned batch");
        pool.shutdown();
        assertThat(tx.sizes).as("a combined transaction was tried and then split").anyMatch(size -> size > 1);
    }

    private static void sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
