package org.tonearm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code requests} calls of one operation from {@code clients} concurrent threads (each takes the next request
 * until all are done, as a closed-loop client would), timing every call. The pool lives as long as this object, so
 * every measurement runs on the same warm threads.
 */
final class LatencyRun implements AutoCloseable {

    /** One call; its result is returned so the JIT cannot drop the work. */
    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    private final ExecutorService pool;
    private final int clients;

    LatencyRun(int clients) {
        this.clients = clients;
        this.pool = Executors.newFixedThreadPool(clients);
    }

    /**
     * Latencies in nanoseconds, one per request (unsorted), and how many requests failed (e.g. no pooled connection
     * within its timeout): a failure is timed like an answer and counted, so one does not end the whole run.
     */
    record Outcome(long[] nanos, int errors, String firstError) {}

    Outcome measure(int requests, Call call) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    try {
                        if (call.run() == null) {
                            throw new IllegalStateException("a view answered null");
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    nanos[i] = System.nanoTime() - start;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        return new Outcome(nanos, errors.get(), firstError.get());
    }

    @Override
    public void close() {
        pool.close();
    }
}
