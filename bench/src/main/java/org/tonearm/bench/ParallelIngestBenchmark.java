package org.tonearm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.listens.ListenService;
import org.tonearm.shared.Database;

/**
 * Issue #19 item 4: N clients ingesting the batches of N users at once against one client ingesting the same
 * batches of N users alone, in one JVM on one database, rounds alternating (1 client, N clients, 1 client, …) so
 * that the machine's load and the table's growth fall on both sides alike. Every round uses fresh users (a user
 * the planner statistics do not know, as on a live instance) with the same generated history. Prints one
 * {@code RESULT} line per round and the medians' ratio ({@code mode=parallel_ratio}; target ≥ 1.6 on PostgreSQL).
 *
 * <p>Options as {@link IngestBenchmark} ({@code --db --listens --users --threads --batch --artists --seed
 * --warmup --keep}) plus {@code --clients N} (the parallel side's clients and users, default 4), {@code --rounds N}
 * per side (default 3) and {@code --lanes N} ({@code tonearm.listens.write-lanes}; 1 is the control: one group
 * commit, as before issue #19). {@code --listens} is per round.
 */
public final class ParallelIngestBenchmark {

    private ParallelIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> forwarded = new ArrayList<>();
        int rounds = 3;
        int clients = 4;
        List<String> properties = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                // the control: --lanes 1 is the one group commit of before, on the same code
                case "--lanes" -> properties.add("tonearm.listens.write-lanes=" + args[++i]);
                default -> forwarded.add(args[i]);
            }
        }
        forwarded.addAll(List.of("--users", Integer.toString(clients), "--threads", "1", "--mode", "funnel"));
        BenchOptions o = BenchOptions.parse(forwarded.toArray(String[]::new));
        SyntheticCatalog catalog = new SyntheticCatalog(o.artists(), "", o.seed());
        SyntheticCatalog warmupCatalog = new SyntheticCatalog(Math.max(50, o.artists() / 10), "Warm-up ", o.seed() + 1);
        System.out.printf(Locale.ROOT, "bench parallel db=%s listens=%d per round clients=%d rounds=%d batch=%d cpus=%d"
                + " maxHeapMB=%d properties=%s load=\"%s\"%n", o.db(), o.listens(), clients, rounds, o.batch(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, properties,
                IngestBenchmark.load());
        try (FreshDatabase db = FreshDatabase.create(o.db(), "parallel", o.keep())) {
            ConfigurableApplicationContext context = db.boot(properties);
            Database database = context.getBean(Database.class);
            FunnelRun run = new FunnelRun(context.getBean(ListenService.class));
            long[] warmupUsers = BenchUsers.create(database, "warmup_", 2);
            run.run(new HistoryGenerator(warmupCatalog, o.seed() + 1).batches(warmupUsers, o.warmup()), warmupUsers, 1);
            List<Double> single = new ArrayList<>();
            List<Double> parallel = new ArrayList<>();
            for (int round = 0; round < 2 * rounds; round++) {
                int threads = round % 2 == 0 ? 1 : clients;
                long[] users = BenchUsers.create(database, "r" + round + "_", clients);
                var batches = new HistoryGenerator(catalog, o.seed()).batches(users, o.listens(), o.batch());
                IngestBenchmark.settle();
                String loadBefore = IngestBenchmark.load();
                FunnelRun.Outcome out = run.run(batches, users, threads);
                double rate = o.listens() / (out.wallNanos() / 1e9);
                (threads == 1 ? single : parallel).add(rate);
                System.out.printf(Locale.ROOT, "RESULT db=%s mode=parallel round=%d clients=%d users=%d listens=%d"
                        + " seconds=%.2f rate=%.0f/s batch_ms_p50=%.1f batch_ms_p99=%.1f load_before=\"%s\""
                        + " load_after=\"%s\"%n", o.db(), round / 2, threads, clients, o.listens(),
                        out.wallNanos() / 1e9, rate, IngestBenchmark.percentile(out.batchNanos(), 50),
                        IngestBenchmark.percentile(out.batchNanos(), 99), loadBefore, IngestBenchmark.load());
            }
            double one = median(single);
            double many = median(parallel);
            System.out.printf(Locale.ROOT, "RESULT db=%s mode=parallel_ratio clients=%d median_rate_1=%.0f/s"
                    + " median_rate_%d=%.0f/s ratio=%.2f%n", o.db(), clients, one, clients, many, many / one);
        }
        System.exit(0);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
