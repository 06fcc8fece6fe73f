package org.tonearm.bench;

import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.ListenService;
import org.tonearm.shared.Database;

/**
 * Ingest throughput: N synthetic listens through {@link ListenService#ingestBatch} (batches of 1,000) on a
 * fresh database, then — the ceiling — the same listens as plain JDBC batched inserts into a second fresh
 * database whose catalog is pre-created. Prints one {@code RESULT} line per measurement. See bench/README.md.
 *
 * <p>Timed: only the loop of ingestBatch calls (resp. executeBatch + commit). Not timed: context start,
 * Liquibase, generating the history, the warm-up (20,000 listens of other users over another catalog, which
 * stay in the table in both modes so both measure against the same table size).
 */
public final class IngestBenchmark {

    private static final String WARMUP_PREFIX = "Warm-up ";

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args);
        System.out.printf(Locale.ROOT, "bench db=%s listens=%d warmup=%d users=%d artists=%d threads=%d batch=%d"
                + " seed=%d java=%s cpus=%d maxHeapMB=%d%n", o.db(), o.listens(), o.warmup(), o.users(), o.artists(),
                o.threads(), o.batch(), o.seed(), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        SyntheticCatalog catalog = new SyntheticCatalog(o.artists(), "", o.seed());
        SyntheticCatalog warmupCatalog = new SyntheticCatalog(Math.max(50, o.artists() / 10), WARMUP_PREFIX, o.seed() + 1);
        System.out.printf(Locale.ROOT, "catalog: %d artists, %d albums, %d tracks%n", catalog.artists.size(),
                catalog.albums.size(), catalog.tracks.size());
        Double funnelRate = null;
        Double rawRate = null;
        if (o.funnel()) {
            funnelRate = funnel(o, catalog, warmupCatalog, "funnel", List.of());
        }
        if (o.raw()) {
            rawRate = raw(o, catalog, warmupCatalog);
        }
        if (funnelRate != null && rawRate != null) {
            System.out.printf(Locale.ROOT, "RESULT db=%s mode=ratio funnel_over_raw=%.3f%n", o.db(), funnelRate / rawRate);
        }
        System.exit(0); // the context's non-daemon threads (if any) must not keep the benchmark alive
    }

    /**
     * One funnel measurement on a fresh database booted with {@code properties}; prints {@code RESULT db=… mode=<mode>}
     * and returns the rate. {@link StatsBenchmark} calls it twice (rollups on and off).
     */
    static double funnel(BenchOptions o, SyntheticCatalog catalog, SyntheticCatalog warmupCatalog, String mode,
            List<String> properties) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(o.db(), "funnel", o.keep())) {
            ConfigurableApplicationContext context = db.boot(properties);
            Database database = context.getBean(Database.class);
            ListenService listens = context.getBean(ListenService.class);
            long[] users = BenchUsers.create(database, "bench_", o.users());
            long[] warmupUsers = BenchUsers.create(database, "warmup_", 2);
            FunnelRun run = new FunnelRun(listens);
            var warmup = new HistoryGenerator(warmupCatalog, o.seed() + 1).batches(warmupUsers, o.warmup());
            long warmupNanos = run.run(warmup, warmupUsers, 1).wallNanos();
            System.out.printf(Locale.ROOT, "warm-up: %d listens in %.1f s on %s%n", o.warmup(), warmupNanos / 1e9,
                    db.describe());
            var batches = new HistoryGenerator(catalog, o.seed()).batches(users, o.listens(), o.batch());
            settle();
            String loadBefore = load();
            FunnelRun.Outcome out = run.run(batches, users, o.threads());
            int rows = database.read(() -> database.dsl().fetchCount(LISTENS));
            int sources = database.read(() -> database.dsl().fetchCount(LISTEN_SOURCES));
            double rate = o.listens() / (out.wallNanos() / 1e9);
            System.out.printf(Locale.ROOT, "RESULT db=%s mode=%s threads=%d listens=%d seconds=%.2f rate=%.0f/s"
                    + " cpu_seconds=%.2f cpu_rate=%.0f/s created=%d merged=%d duplicate=%d listens_rows=%d listen_sources_rows=%d"
                    + " batch_ms_p50=%.1f batch_ms_p99=%.1f batch_ms_max=%.1f load_before=\"%s\" load_after=\"%s\"%n",
                    o.db(), mode, o.threads(), o.listens(), out.wallNanos() / 1e9, rate, out.cpuNanos() / 1e9,
                    o.listens() / (out.cpuNanos() / 1e9),
                    out.statuses().get(IngestStatus.CREATED), out.statuses().get(IngestStatus.MERGED),
                    out.statuses().get(IngestStatus.DUPLICATE), rows, sources,
                    percentile(out.batchNanos(), 50), percentile(out.batchNanos(), 99),
                    percentile(out.batchNanos(), 100), loadBefore, load());
            return rate;
        }
    }

    private static double raw(BenchOptions o, SyntheticCatalog catalog, SyntheticCatalog warmupCatalog)
            throws Exception {
        try (FreshDatabase db = FreshDatabase.create(o.db(), "raw", o.keep())) {
            ConfigurableApplicationContext context = db.boot();
            Database database = context.getBean(Database.class);
            DataSource dataSource = context.getBean(DataSource.class);
            long[] users = BenchUsers.create(database, "bench_", o.users());
            long[] warmupUsers = BenchUsers.create(database, "warmup_", 2);
            BaselineCatalog seeded = new BaselineCatalog();
            seeded.seed(dataSource, catalog);
            seeded.seed(dataSource, warmupCatalog);
            RawJdbcBaseline baseline = new RawJdbcBaseline(dataSource);
            // experiment aid: what one index costs the bare insert (-Dbench.dropIndex=ix_a,ix_b)
            for (String index : System.getProperty("bench.dropIndex", "").split(",")) {
                if (!index.isBlank()) {
                    database.writeVoid(() -> database.dsl().execute("drop index " + index));
                }
            }
            baseline.insert(rows(seeded, new HistoryGenerator(warmupCatalog, o.seed() + 1).batches(warmupUsers, o.warmup())));
            List<List<ListenRow>> rows = rows(seeded, new HistoryGenerator(catalog, o.seed()).batches(users, o.listens(), o.batch()));
            settle();
            String loadBefore = load();
            long start = System.nanoTime();
            long[] batchNanos = baseline.insert(rows);
            long wall = System.nanoTime() - start;
            int count = database.read(() -> database.dsl().fetchCount(LISTENS));
            double rate = o.listens() / (wall / 1e9);
            System.out.printf(Locale.ROOT, "RESULT db=%s mode=raw_jdbc listens=%d seconds=%.2f rate=%.0f/s"
                    + " cpu_seconds=%.2f cpu_rate=%.0f/s listens_rows=%d batch_ms_p50=%.1f batch_ms_p99=%.1f batch_ms_max=%.1f"
                    + " load_before=\"%s\" load_after=\"%s\"%n", o.db(), o.listens(), wall / 1e9, rate,
                    baseline.lastCpuNanos / 1e9, o.listens() / (baseline.lastCpuNanos / 1e9), count,
                    percentile(batchNanos, 50), percentile(batchNanos, 99), percentile(batchNanos, 100),
                    loadBefore, load());
            return rate;
        }
    }

    private static List<List<ListenRow>> rows(BaselineCatalog catalog, List<List<IncomingListen>> batches) {
        List<List<ListenRow>> out = new ArrayList<>(batches.size());
        for (List<IncomingListen> batch : batches) {
            List<ListenRow> rows = new ArrayList<>(batch.size());
            batch.forEach(in -> rows.add(catalog.row(in)));
            out.add(rows);
        }
        return out;
    }

    /** Collects the generator's garbage before the clock starts, so the timed loop does not pay for it. */
    static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = Arrays.stream(nanos).filter(n -> n > 0).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
