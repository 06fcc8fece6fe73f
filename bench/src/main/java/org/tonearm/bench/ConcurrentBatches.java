package org.tonearm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N clients taking the next batch from one shared list until it is empty (as N uploader threads of one script
 * would), each batch timed. The same runner drives the HTTP side and the in-process side of a comparison.
 */
final class ConcurrentBatches {

    interface Sender<T> {
        /** Sends one batch; returns how many of its listens were stored new (created). */
        int send(T batch) throws Exception;
    }

    record Outcome(long wallNanos, long[] batchNanos, long created) {}

    private ConcurrentBatches() {}

    static <T> Outcome run(List<T> batches, int clients, Sender<T> sender) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] nanos = new long[batches.size()];
        List<Future<Long>> futures = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long created = 0;
                    for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        created += sender.send(batches.get(i));
                        nanos[i] = System.nanoTime() - t;
                    }
                    return created;
                }));
            }
            long created = 0;
            for (Future<Long> f : futures) {
                created += f.get();
            }
            return new Outcome(System.nanoTime() - start, nanos, created);
        }
    }
}
