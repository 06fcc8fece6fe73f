package org.tonearm.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.ListenService;

/**
 * Feeds batches to {@link ListenService#ingestBatch} and times it: one thread, or several threads each owning
 * a disjoint set of users (as concurrent clients of different people would).
 */
final class FunnelRun {

    /** {@code cpuNanos}: CPU time of the ingesting threads (on SQLite that includes the database engine). */
    record Outcome(long wallNanos, long cpuNanos, long[] batchNanos, Map<IngestStatus, Long> statuses) {}

    private final ListenService listens;

    FunnelRun(ListenService listens) {
        this.listens = listens;
    }

    Outcome run(List<List<IncomingListen>> batches, long[] userIds, int threads) throws Exception {
        List<List<Integer>> work = partition(batches, userIds, threads);
        long[] batchNanos = new long[batches.size()];
        List<Map<IngestStatus, Long>> counts = new ArrayList<>();
        AtomicLong cpu = new AtomicLong();
        long start = System.nanoTime();
        if (threads == 1) {
            counts.add(ingest(batches, work.get(0), batchNanos, cpu));
        } else {
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<Map<IngestStatus, Long>>> futures = new ArrayList<>();
                for (List<Integer> mine : work) {
                    futures.add(pool.submit(() -> ingest(batches, mine, batchNanos, cpu)));
                }
                for (Future<Map<IngestStatus, Long>> f : futures) {
                    counts.add(f.get());
                }
            }
        }
        long wall = System.nanoTime() - start;
        Map<IngestStatus, Long> total = new EnumMap<>(IngestStatus.class);
        for (IngestStatus s : IngestStatus.values()) {
            total.put(s, counts.stream().mapToLong(c -> c.getOrDefault(s, 0L)).sum());
        }
        return new Outcome(wall, cpu.get(), batchNanos, total);
    }

    private Map<IngestStatus, Long> ingest(List<List<IncomingListen>> batches, List<Integer> indexes, long[] nanos,
            AtomicLong cpu) {
        Map<IngestStatus, Long> counts = new EnumMap<>(IngestStatus.class);
        long cpuStart = ThreadCpu.now();
        for (int i : indexes) {
            List<IncomingListen> batch = batches.get(i);
            long start = System.nanoTime();
            List<IngestResult> results = listens.ingestBatch(batch);
            nanos[i] = System.nanoTime() - start;
            if (results.size() != batch.size()) {
                throw new IllegalStateException("ingestBatch returned " + results.size() + " results for " + batch.size());
            }
            for (IngestResult r : results) {
                counts.merge(r.status(), 1L, Long::sum);
            }
        }
        cpu.addAndGet(ThreadCpu.now() - cpuStart);
        return counts;
    }

    /** Thread t ingests the batches of the users whose position in {@code userIds} is t modulo threads. */
    private static List<List<Integer>> partition(List<List<IncomingListen>> batches, long[] userIds, int threads) {
        List<List<Integer>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(new ArrayList<>());
        }
        for (int i = 0; i < batches.size(); i++) {
            long user = batches.get(i).get(0).userId();
            int position = 0;
            while (userIds[position] != user) {
                position++;
            }
            work.get(position % threads).add(i);
        }
        return work;
    }
}
