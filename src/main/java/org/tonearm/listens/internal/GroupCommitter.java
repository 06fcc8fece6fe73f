package org.tonearm.listens.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;

/**
 * Group commit for the funnel: the batches of concurrent callers are written in one transaction.
 *
 * <p>Why: a ListenBrainz {@code single} or a Last.fm scrobble carries one listen, and every transaction pays a
 * fixed cost (SQLite's one writer and its commit, PostgreSQL's WAL flush) that dwarfs the listen itself. With 32
 * clients submitting at once, one transaction of 32 listens replaces 32 transactions of one.
 *
 * <p>How (leader/follower, no extra thread): a caller queues its batch and tries to become the leader. The
 * leader takes everything queued (up to {@link #maxListens}), runs it as one batch, hands each caller its
 * results, and repeats until its own batch is done; then it wakes the oldest waiting caller, which leads next.
 * A caller that finds no one else writing leads at once, so an idle server adds no latency. When a combined
 * transaction fails, every caller's batch is retried on its own, so one caller's failure never becomes another's.
 */
final class GroupCommitter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GroupCommitter.class);

    private final Function<List<IncomingListen>, List<IngestResult>> transaction;
    private final int maxListens;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leader = new ReentrantLock();

    /**
     * @param transaction runs one batch in one write transaction; results index-aligned with the input
     * @param maxListens  a combined batch stops growing at this many listens (a larger single batch runs alone)
     */
    GroupCommitter(Function<List<IncomingListen>, List<IngestResult>> transaction, int maxListens) {
        this.transaction = transaction;
        this.maxListens = maxListens;
    }

    List<IngestResult> submit(List<IncomingListen> batch) {
        if (batch.size() >= maxListens) {
            // nothing could join it: run it beside the queue (on PostgreSQL, in parallel with other writers)
            return transaction.apply(batch);
        }
        Pending mine = new Pending(batch, Thread.currentThread());
        queue.add(mine);
        while (!mine.done) {
            if (leader.tryLock()) {
                try {
                    while (!mine.done) {
                        runGroup(takeGroup());
                    }
                } finally {
                    leader.unlock();
                }
                wakeNextLeader();
            } else {
                // the leader completes us or, leaving, wakes the oldest waiter; the timeout is only a safety net
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        return mine.result();
    }

    private List<Pending> takeGroup() {
        List<Pending> group = new ArrayList<>();
        int listens = 0;
        Pending next;
        while ((next = queue.peek()) != null && (group.isEmpty() || listens + next.batch.size() <= maxListens)) {
            queue.poll();
            group.add(next);
            listens += next.batch.size();
        }
        return group;
    }

    private void runGroup(List<Pending> group) {
        if (group.size() == 1) {
            runAlone(group.get(0));
            return;
        }
        List<IncomingListen> combined = new ArrayList<>();
        group.forEach(p -> combined.addAll(p.batch));
        List<IngestResult> results;
        try {
            results = transaction.apply(combined);
        } catch (RuntimeException | Error combinedFailure) {
            log.debug("combined ingest of {} batches failed, retrying each alone", group.size(), combinedFailure);
            group.forEach(this::runAlone); // nothing was written: find out whose batch fails
            return;
        }
        int offset = 0;
        for (Pending p : group) {
            p.complete(List.copyOf(results.subList(offset, offset + p.batch.size())), null);
            offset += p.batch.size();
        }
    }

    private void runAlone(Pending p) {
        try {
            p.complete(transaction.apply(p.batch), null);
        } catch (RuntimeException | Error failure) {
            p.complete(null, failure);
        }
    }

    private void wakeNextLeader() {
        Pending head = queue.peek();
        if (head != null) {
            LockSupport.unpark(head.caller);
        }
    }

    private static final class Pending {
        final List<IncomingListen> batch;
        final Thread caller;
        private List<IngestResult> results;
        private Throwable failure;
        volatile boolean done;

        Pending(List<IncomingListen> batch, Thread caller) {
            this.batch = batch;
            this.caller = caller;
        }

        void complete(List<IngestResult> results, Throwable failure) {
            this.results = results;
            this.failure = failure;
            done = true; // volatile write publishes results/failure to the caller
            LockSupport.unpark(caller);
        }

        List<IngestResult> result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return results;
        }
    }
}
