package org.tonearm.bench;

import static org.tonearm.schema.Tables.USERS;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.IngestStatus;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.WebConnections;
import org.tonearm.listens.ListenService;
import org.tonearm.shared.Database;
import org.tonearm.stats.internal.rollup.RollupRebuilder;

/**
 * Issue #19 items 3 and 2 from outside: Tonearm started from its jar ({@code -Xmx256m}) and fed batches of 1,000
 * listens through {@code POST /api/v1/listens} (personal API token) from N concurrent clients, on one database
 * that the benchmark's own in-process context shares (it ran Liquibase, seeded the catalog and loads the base).
 *
 * <ul>
 *   <li><b>ratio</b> (item 3, and item 2's (a)): on the small database, rounds alternating which side goes first:
 *       the same batches of a new user through {@link ListenService#ingestBatch} in process (N threads) and of
 *       another new user through the HTTP API (N clients). Target: HTTP ≥ 0.6 × in process.</li>
 *   <li><b>scale</b> (item 2 (b), (c)): a heavy user with {@code --base} listens and {@code --others} users with
 *       {@code --others-listens} each, written raw ({@link ScaleBase}), then ANALYZE; then per round (b) a new user
 *       and (c) the heavy user ingest {@code --listens} more through HTTP. Target: (b), (c) ≥ 0.8 × (a).</li>
 * </ul>
 *
 * <p>Every measured history spans the ten years ending yesterday; each batch holds consecutive listens (time-ordered)
 * and the batches are sent in time order ({@code ordered}) or in a shuffled order ({@code shuffled}). The server's
 * RSS is sampled every 0.5 s; on PostgreSQL {@code pg_stat_activity} every 50 ms. See bench/README.md.
 */
public final class HttpIngestBenchmark {

    private static final int DAYS = 3_650;

    private final HttpBenchOptions o;
    private final SyntheticCatalog catalog;
    private final long firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(1 + DAYS).toEpochDay();
    private final Map<String, List<Double>> rates = new LinkedHashMap<>();
    private ListenService listens;
    private String warmHttpToken;
    private String heavyToken;
    private long heavy;
    private Database database;
    private ListensApiClient api;
    private RssSampler rss;
    private PgActivitySampler pg;

    private HttpIngestBenchmark(HttpBenchOptions o) {
        this.o = o;
        this.catalog = new SyntheticCatalog(o.artists(), "", o.seed());
    }

    public static void main(String[] args) throws Exception {
        HttpBenchOptions o = HttpBenchOptions.parse(args);
        System.out.printf(Locale.ROOT, "bench http db=%s mode=%s listens=%d clients=%d batch=%d rounds=%d orders=%s"
                + " base=%d others=%dx%d server_jvm=%s launcher=%s cpus=%d load=\"%s\"%n", o.db(), o.mode(),
                o.listens(), o.clients(), o.batch(), o.rounds(), o.orders(), o.base(), o.others(), o.othersListens(),
                o.serverJvm(), System.getProperty("bench.server.launcher", "java"), Runtime.getRuntime().availableProcessors(), IngestBenchmark.load());
        new HttpIngestBenchmark(o).run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(o.db(), "scale", o.keep())) {
            // the driver's own context may run long statements (the heavy user's rollup rebuild, one transaction
            // over a million listens); the server keeps the default 10 s
            ConfigurableApplicationContext context = db.boot(List.of("tonearm.db.statement-timeout=30m"));
            database = context.getBean(Database.class);
            listens = context.getBean(ListenService.class);
            DataSource dataSource = context.getBean(DataSource.class);
            ScaleBase base = new ScaleBase(dataSource);
            long t = System.nanoTime();
            base.seedCatalog(listens, catalog, BenchUsers.create(database, "catalog_", 1)[0]);
            System.out.printf(Locale.ROOT, "catalog: %d tracks seeded through the funnel in %.1f s on %s%n",
                    catalog.tracks.size(), (System.nanoTime() - t) / 1e9, db.describe());
            Path logs = Path.of("target/bench-scale/logs", o.db() + "-" + LocalDateTime.now().withNano(0)
                    .toString().replace(':', '-'));
            // the gateway's limits stay on (their filter runs), with buckets no benchmark client can empty
            // the gateway's limits stay on (their filter runs), with buckets no benchmark client can empty; the
            // statistics cache off, so item 5's reads take the uncached path
            List<String> props = List.of("tonearm.rate-limit.per-token.capacity=1000000000",
                    "tonearm.rate-limit.login-per-ip.capacity=1000000", "tonearm.rate-limit.per-ip.capacity=1000000",
                    "tonearm.stats.cache.enabled=false");
            try (TonearmServer server = TonearmServer.start(o.jar(), o.serverJvm(), db, logs, props);
                    RssSampler sampler = new RssSampler(server);
                    PgActivitySampler activity = o.db().equals("postgres")
                            ? new PgActivitySampler(FreshDatabase.PG_URL, FreshDatabase.PG_USER) : null) {
                rss = sampler;
                pg = activity;
                api = new ListensApiClient(server.base);
                System.out.printf(Locale.ROOT, "server pid=%d %s rss_idle_mb=%d logs=%s%n", server.pid(), server.base,
                        server.rssKb() >> 10, logs);
                try {
                    phases(context, base);
                } catch (Exception e) {
                    // e.g. the server ran out of memory: what was measured until then is still summed up
                    System.out.println("FAILED: " + e + (server.alive() ? "" : " (the server is gone; its log: "
                            + server.logTail(1) + ")"));
                }
                summary(server);
            }
        }
    }

    private void phases(ConfigurableApplicationContext context, ScaleBase base) throws Exception {
        warmUp();
        ReadLatency reads = new ReadLatency(api, warmHttpToken, o.requests());
        Map<String, double[]> readsSmall = o.manyUsers() ? reads.measure(o.db(), "few_others") : Map.of();
        if (o.ratio()) {
            smallDatabase();
        }
        if (o.manyUsers()) {
            manyUsers(context);
        }
        if (o.scale() || o.manyUsers()) {
            loadBase(base, context);
        }
        if (o.manyUsers()) {
            reads.compare(o.db(), readsSmall, reads.measure(o.db(), "million_others"));
        }
        if (o.scale()) {
            largeDatabase();
            rawBaseline(base);
        }
    }

    /** Untimed: both sides once over a history of their own, so the JITs of both JVMs are warm. */
    private void warmUp() throws Exception {
        List<List<ApiListen>> warm = batches(history(2, o.seed() + 3, o.warmup()), "ordered", 0);
        long user = BenchUsers.create(database, "warm_inproc", 1)[0];
        inProcess("warmup", "warmup", 0, "ordered", warm, user);
        warmHttpToken = api.signUp("warm_http");
        http("warmup", "warmup", 0, "ordered", warm, warmHttpToken);
    }

    /**
     * Item 5: {@code --users} users × {@code --user-listens} listens, one batch per user, the users interleaved, from
     * {@code --user-clients} clients, against one user's {@code --listens} from as many clients just before and after.
     * Users and their API tokens are made in process (registration hashes a password with bcrypt cost 12: a thousand
     * sign-ups would take longer than the ingest).
     */
    private void manyUsers(ConfigurableApplicationContext context) throws Exception {
        WebConnections connections = context.getBean(WebConnections.class);
        long[] users = BenchUsers.create(database, "many_", o.users());
        List<String> tokens = new ArrayList<>();
        for (long user : users) {
            tokens.add("Bearer " + connections.createToken(user, "scale", List.of(Scopes.LISTENS_WRITE)).value());
        }
        List<byte[]> histories = new ArrayList<>();
        for (int h = 0; h < 10; h++) { // ten listeners' histories, user i gets history i % 10
            histories.add(ApiListen.body(history(h % 5, o.seed() + 200 + h, o.userListens())));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < users.length; i++) {
            order.add(i);
        }
        List<List<ApiListen>> single = batches(history(1, o.seed() + 7, o.listens()), "shuffled", 0);
        http("http", "single_user", 0, "shuffled", single, api.signUp("single_a"), o.userClients());
        measure("http", "many_users", 0, "interleaved", users.length * o.userListens(), o.userClients(), order, i -> {
            ListensApiClient.BatchAnswer answer = api.post(tokens.get(i), histories.get(i % histories.size()));
            if (answer.failed() > 0) {
                throw new IllegalStateException(answer.failed() + " listens of a batch failed");
            }
            return answer.created();
        });
        http("http", "single_user", 1, "shuffled", single, api.signUp("single_b"), o.userClients());
    }

    /** Item 3 and item 2 (a): the same batches in process and through HTTP, alternating which goes first. */
    private void smallDatabase() throws Exception {
        List<ApiListen> history = history(1, o.seed() + 7, o.listens());
        for (int r = 0; r < o.rounds(); r++) {
            for (String order : o.orders()) {
                List<List<ApiListen>> batches = batches(history, order, r);
                long user = BenchUsers.create(database, "inproc_" + r + "_" + order, 1)[0];
                String token = api.signUp("http_" + r + "_" + order);
                if (r % 2 == 0) {
                    inProcess("inproc", "small", r, order, batches, user);
                    http("http", "small", r, order, batches, token);
                } else {
                    http("http", "small", r, order, batches, token);
                    inProcess("inproc", "small", r, order, batches, user);
                }
            }
        }
    }

    /**
     * The big database: the heavy user's {@code --base} listens and the others', raw, their rollups rebuilt (so that
     * statistics tables are as large as after a real ingest), then ANALYZE.
     */
    private void loadBase(ScaleBase base, ConfigurableApplicationContext context) throws Exception {
        heavyToken = api.signUp("heavy");
        heavy = database.read(() -> database.dsl().select(USERS.ID).from(USERS)
                .where(USERS.USERNAME.eq("heavy")).fetchOne(USERS.ID));
        HistoryGenerator generator = new HistoryGenerator(catalog, o.seed() + 11);
        double seconds = base.load(generator.stream(heavy, 0, o.base(), firstDay, DAYS), o.base());
        System.out.printf(Locale.ROOT, "base: heavy user %d: %d listens raw in %.1f s (%.0f/s) load=\"%s\"%n", heavy,
                o.base(), seconds, o.base() / seconds, IngestBenchmark.load());
        long[] others = BenchUsers.create(database, "other_", o.others());
        for (int k = 0; k < others.length; k++) {
            seconds = base.load(generator.stream(others[k], 3 + k, o.othersListens(), firstDay, DAYS), o.othersListens());
            System.out.printf(Locale.ROOT, "base: other user %d: %d listens raw in %.1f s%n", others[k],
                    o.othersListens(), seconds);
        }
        long t = System.nanoTime();
        RollupRebuilder rollups = context.getBean(RollupRebuilder.class);
        database.writeVoid(() -> rollups.rebuild(heavy));
        for (long other : others) {
            database.writeVoid(() -> rollups.rebuild(other));
        }
        System.out.printf(Locale.ROOT, "base: rollups rebuilt in %.1f s%n", (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        base.analyze();
        System.out.printf(Locale.ROOT, "base: ANALYZE in %.1f s; listens rows now %d%n", (System.nanoTime() - t) / 1e9,
                database.read(() -> database.dsl().fetchCount(org.tonearm.schema.Tables.LISTENS)));
    }

    /** Item 2 (b) and (c): a new user and the heavy user after ANALYZE of the big database. */
    private void largeDatabase() throws Exception {
        List<ApiListen> history = history(1, o.seed() + 7, o.listens());
        for (int r = 0; r < o.rounds(); r++) {
            for (int k = 0; k < o.orders().size(); k++) {
                String order = o.orders().get(k);
                http("http", "new_user_large", r, order, batches(history, order, r), api.signUp("new_" + r + "_" + order));
                // the heavy user's new plays: another history each time, over the same ten years as its million
                List<ApiListen> more = history(1, o.seed() + 100 + 10L * r + k, o.listens());
                http("http", "heavy_user", r, order, batches(more, order, r), heavyToken);
            }
        }
    }

    /**
     * Item 2's yardstick for (c): the same number of listens written raw (no funnel, no rollups: the listens table
     * and its indexes only, 5,000 rows per commit, time-ordered) for a new user and for the heavy user, one after the
     * other, twice. What the heavy user costs more here is the database's own index maintenance in the middle of a
     * large per-user key range, which no change of Tonearm's can avoid.
     */
    private void rawBaseline(ScaleBase base) throws Exception {
        HistoryGenerator generator = new HistoryGenerator(catalog, o.seed() + 500);
        for (int r = 0; r < 2; r++) {
            long fresh = BenchUsers.create(database, "raw_" + r + "_", 1)[0];
            double freshSeconds = base.load(generator.stream(fresh, 20 + r, o.listens(), firstDay, DAYS), o.listens());
            double heavySeconds = base.load(generator.stream(heavy, 30 + r, o.listens(), firstDay, DAYS), o.listens());
            System.out.printf(Locale.ROOT, "RESULT db=%s mode=raw round=%d listens=%d new_user_rate=%.0f/s"
                    + " heavy_user_rate=%.0f/s heavy_over_new=%.2f load=\"%s\"%n", o.db(), r, o.listens(),
                    o.listens() / freshSeconds, o.listens() / heavySeconds, freshSeconds / heavySeconds,
                    IngestBenchmark.load());
        }
    }

    private void inProcess(String mode, String phase, int round, String order, List<List<ApiListen>> batches,
            long user) throws Exception {
        List<List<IncomingListen>> incoming = batches.stream()
                .map(b -> b.stream().map(l -> l.incoming(user)).toList()).toList();
        measure(mode, phase, round, order, size(batches), o.clients(), incoming, batch -> {
            int created = 0;
            for (IngestResult result : listens.ingestBatch(batch)) {
                if (result.status() == IngestStatus.REFUSED) {
                    throw new IllegalStateException("refused: " + result.refusal());
                }
                created += result.status() == IngestStatus.CREATED ? 1 : 0;
            }
            return created;
        });
    }

    private void http(String mode, String phase, int round, String order, List<List<ApiListen>> batches, String token)
            throws Exception {
        http(mode, phase, round, order, batches, token, o.clients());
    }

    private void http(String mode, String phase, int round, String order, List<List<ApiListen>> batches, String token,
            int clients) throws Exception {
        List<byte[]> bodies = batches.stream().map(ApiListen::body).toList();
        measure(mode, phase, round, order, size(batches), clients, bodies, body -> {
            ListensApiClient.BatchAnswer answer = api.post(token, body);
            if (answer.failed() > 0) {
                throw new IllegalStateException(answer.failed() + " listens of a batch failed");
            }
            return answer.created();
        });
    }

    private static int size(List<List<ApiListen>> batches) {
        return batches.stream().mapToInt(List::size).sum();
    }

    private <T> void measure(String mode, String phase, int round, String order, int listensSent, int clients,
            List<T> batches, ConcurrentBatches.Sender<T> sender) throws Exception {
        IngestBenchmark.settle();
        String loadBefore = IngestBenchmark.load();
        rss.takePeakMb();
        if (pg != null) {
            pg.takeReport(0);
        }
        ConcurrentBatches.Outcome out = ConcurrentBatches.run(batches, clients, sender);
        double rate = listensSent / (out.wallNanos() / 1e9);
        if (!phase.equals("warmup")) {
            rates.computeIfAbsent(mode + " " + phase + " " + order, k -> new ArrayList<>()).add(rate);
        }
        System.out.printf(Locale.ROOT, "RESULT db=%s mode=%s phase=%s round=%d order=%s clients=%d listens=%d"
                + " seconds=%.2f rate=%.0f/s created=%d batch_ms_p50=%.0f batch_ms_p99=%.0f batch_ms_max=%.0f"
                + " server_rss_peak_mb=%d load_before=\"%s\" load_after=\"%s\"%n", o.db(), mode, phase, round, order,
                clients, listensSent, out.wallNanos() / 1e9, rate, out.created(),
                IngestBenchmark.percentile(out.batchNanos(), 50), IngestBenchmark.percentile(out.batchNanos(), 99),
                IngestBenchmark.percentile(out.batchNanos(), 100), rss.takePeakMb(), loadBefore, IngestBenchmark.load());
        if (pg != null && !phase.equals("warmup")) {
            System.out.println(pg.takeReport(8));
        }
    }

    private void summary(TonearmServer server) throws Exception {
        Map<String, Double> medians = new LinkedHashMap<>();
        rates.forEach((key, values) -> {
            double m = ParallelIngestBenchmark.median(values);
            medians.put(key, m);
            System.out.printf(Locale.ROOT, "MEDIAN db=%s %s rate=%.0f/s of %s%n", o.db(), key, m,
                    values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        });
        for (String order : o.orders()) {
            Double inproc = medians.get("inproc small " + order);
            Double small = medians.get("http small " + order);
            Double fresh = medians.get("http new_user_large " + order);
            Double heavy = medians.get("http heavy_user " + order);
            Double single = medians.get("http single_user " + order);
            Double many = medians.get("http many_users interleaved");
            if (single != null && many != null) {
                System.out.printf(Locale.ROOT, "RESULT db=%s mode=item5_ingest many_users_over_single_user=%.2f"
                        + " target=0.8 %s%n", o.db(), many / single, many / single >= 0.8 ? "PASS" : "FAIL");
            }
            if (inproc != null && small != null) {
                System.out.printf(Locale.ROOT, "RESULT db=%s mode=item3 order=%s http_over_inproc=%.2f target=0.6 %s%n",
                        o.db(), order, small / inproc, small / inproc >= 0.6 ? "PASS" : "FAIL");
            }
            if (small != null && fresh != null && heavy != null) {
                System.out.printf(Locale.ROOT, "RESULT db=%s mode=item2 order=%s new_user_large_over_small=%.2f"
                        + " heavy_user_over_small=%.2f target=0.8 %s%n", o.db(), order, fresh / small, heavy / small,
                        Math.min(fresh, heavy) / small >= 0.8 ? "PASS" : "FAIL");
            }
        }
        TonearmServer.Usage usage = server.usage();
        long heapMb = heapLimitMb();
        System.out.printf(Locale.ROOT, "RESULT db=%s mode=memory heap_limit_mb=%d rss_peak_sampled_mb=%d vm_hwm_mb=%d"
                + " rss_over_heap=%.2f heap_after_gc_max_mb=%d gcs=%d full_gcs=%d server_cpu_seconds=%.0f oom=%s%n",
                o.db(), heapMb, rss.overallPeakMb(), usage.peakRssKb() >> 10,
                heapMb > 0 ? rss.overallPeakMb() / (double) heapMb : 0, usage.maxHeapAfterGcMb(), usage.collections(),
                usage.fullCollections(), usage.cpuSeconds(), usage.outOfMemory() ? "yes" : "no");
    }

    private long heapLimitMb() {
        for (String flag : o.serverJvm()) {
            if (flag.startsWith("-Xmx")) {
                String v = flag.substring(4).toLowerCase(Locale.ROOT);
                long n = Long.parseLong(v.replaceAll("[kmg]$", ""));
                return v.endsWith("g") ? n << 10 : v.endsWith("k") ? n >> 10 : v.endsWith("m") ? n : n >> 20;
            }
        }
        return 0;
    }

    /** {@code count} listens of one generated listener over the ten years ending yesterday, as API items, by time. */
    private List<ApiListen> history(int userIndex, long seed, int count) {
        ListenerStream stream = new HistoryGenerator(catalog, seed).stream(0, userIndex, count, firstDay, DAYS);
        List<ApiListen> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(ApiListen.of(stream.next()));
        }
        // a short history's Poisson sessions can run past the span's end (then past the API's "now + 1 h" limit):
        // move the whole history back by the overrun
        long end = (firstDay + DAYS) * ListenerStream.DAY_MS;
        long overrun = out.stream().mapToLong(ApiListen::listenedAtMs).max().orElse(0) - end;
        if (overrun > 0) {
            out.replaceAll(l -> new ApiListen(l.artist(), l.artists(), l.track(), l.album(), l.listenedAtMs() - overrun,
                    l.playedMs(), l.lengthMs(), l.service(), l.client()));
        }
        return out;
    }

    /** Consecutive listens per batch; the batches in time order, or shuffled (seeded per round). */
    private List<List<ApiListen>> batches(List<ApiListen> history, String order, int round) {
        List<List<ApiListen>> out = new ArrayList<>(RawJdbcBaseline.chunks(history, o.batch()));
        if (order.equals("shuffled")) {
            Collections.shuffle(out, new Random(o.seed() * 31 + round));
        }
        return out;
    }
}
