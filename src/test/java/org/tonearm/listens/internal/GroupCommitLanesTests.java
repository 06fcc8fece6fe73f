package org.tonearm.listens.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.Service;
import org.tonearm.shared.DatabaseKind;
import org.tonearm.shared.DatabaseProperties;

/**
 * Issue #19 item 4: batches of users in different lanes are written at the same time; SQLite keeps one lane. The
 * stand-in transaction of user 1 waits until user 2's has begun: it can only finish when both run concurrently.
 */
class GroupCommitLanesTests {

    /** Two callers of their own (the common pool may have a single thread on a small machine). */
    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private static IncomingListen listen(long user, long at) {
        return IncomingListen.of(user, TrackCredit.of("A", "T", null), at, null, Service.OTHER, Channel.NATIVE_API);
    }

    private static List<IngestResult> created(List<IncomingListen> batch) {
        return batch.stream().map(l -> new IngestResult(IngestStatus.CREATED, l.listenedAtMs())).toList();
    }

    @Test
    void batchesOfUsersInDifferentLanesAreWrittenConcurrently() throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        List<Boolean> firstSawSecond = new CopyOnWriteArrayList<>();
        Function<List<IncomingListen>, List<IngestResult>> tx = batch -> {
            if (batch.getFirst().userId() == 2) {
                secondStarted.countDown();
            } else {
                firstSawSecond.add(await(secondStarted));
            }
            return created(batch);
        };
        var lanes = new GroupCommitLanes(5, tx, 5_000);
        var first = CompletableFuture.supplyAsync(() -> lanes.submit(List.of(listen(1, 10))), callers);
        var second = CompletableFuture.supplyAsync(() -> lanes.submit(List.of(listen(2, 20))), callers);
        assertThat(first.get(10, TimeUnit.SECONDS)).extracting(IngestResult::listenId).containsExactly(10L);
        assertThat(second.get(10, TimeUnit.SECONDS)).extracting(IngestResult::listenId).containsExactly(20L);
        assertThat(firstSawSecond).containsExactly(true);
    }

    @Test
    void oneLaneWritesOneTransactionAtATime() throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        List<Boolean> firstSawSecond = new CopyOnWriteArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        Function<List<IncomingListen>, List<IngestResult>> tx = batch -> {
            if (batch.stream().anyMatch(l -> l.userId() == 2)) {
                secondStarted.countDown();
            } else {
                firstRunning.countDown();
                firstSawSecond.add(awaitBriefly(secondStarted));
            }
            return created(batch);
        };
        var lanes = new GroupCommitLanes(1, tx, 5_000);
        var first = CompletableFuture.supplyAsync(() -> lanes.submit(List.of(listen(1, 10))), callers);
        firstRunning.await(10, TimeUnit.SECONDS);
        var second = CompletableFuture.supplyAsync(() -> lanes.submit(List.of(listen(2, 20))), callers);
        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).extracting(IngestResult::listenId).containsExactly(20L);
        assertThat(firstSawSecond).containsExactly(false);
    }

    @Test
    void aBatchOfSeveralUsersGoesToTheLaneOfItsSmallestUser() {
        List<Long> ran = new CopyOnWriteArrayList<>();
        var lanes = new GroupCommitLanes(3, batch -> {
            ran.add(batch.getFirst().userId());
            return created(batch);
        }, 5_000);
        assertThat(lanes.submit(List.of(listen(7, 1), listen(4, 2)))).hasSize(2);
        assertThat(ran).containsExactly(7L);
    }

    @Test
    void sqliteHasOneLaneAndPostgresHalfItsPoolOrWhatIsConfiguredBelowIt() {
        var defaults = new DatabaseProperties(null, null);
        assertThat(DefaultListenService.writeLanes(DatabaseKind.SQLITE, defaults, 0)).isEqualTo(1);
        assertThat(DefaultListenService.writeLanes(DatabaseKind.POSTGRES, defaults, 0)).isEqualTo(5);
        assertThat(DefaultListenService.writeLanes(DatabaseKind.POSTGRES, defaults, 1)).isEqualTo(1);
        assertThat(DefaultListenService.writeLanes(DatabaseKind.POSTGRES, defaults, 50)).isEqualTo(9);
        var small = new DatabaseProperties(null, new DatabaseProperties.Db("jdbc:postgresql://h/db", null, null, 1,
                null, null));
        assertThat(DefaultListenService.writeLanes(DatabaseKind.POSTGRES, small, 0)).isEqualTo(1);
        var big = new DatabaseProperties(null, new DatabaseProperties.Db("jdbc:sqlite:x.db", null, null, 20, null,
                null));
        assertThat(DefaultListenService.writeLanes(DatabaseKind.SQLITE, big, 8)).isEqualTo(1);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean awaitBriefly(CountDownLatch latch) {
        try {
            return latch.await(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
