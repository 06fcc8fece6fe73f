package org.tonearm.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListenService;
import org.tonearm.shared.Database;
import org.tonearm.stats.Entity;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.Step;
import org.tonearm.stats.TopOrder;

/**
 * Statistics benchmark (issue 11 item 9). See bench/README.md.
 *
 * <p>{@code --mode views}: one user with {@code --listens} listens over the ten years before today from
 * {@link HistoryGenerator}, ingested through {@link ListenService#ingestBatch} (so rollups are maintained as in
 * production) on a fresh database with the stats cache off ({@code tonearm.stats.cache.enabled=false}); then for
 * every view × range, {@code --requests} calls of the {@link StatsService} façade in process (no HTTP, no JSON) from
 * {@code --clients} threads, followed by the same number of calls of the view's direct GROUP BY over the raw
 * listens ({@link DirectQueries}) from the same threads. Prints the latencies and the ratio of the p95s, then
 * whether the targets hold. The history is streamed batch by batch, so the run fits in -Xmx256m.
 *
 * <p>{@code --mode ingest-ratio}: {@link IngestBenchmark}'s funnel measurement five times in one JVM (one thrown away, then ABBA), on fresh
 * databases, with rollup maintenance and without it ({@code tonearm.stats.rollups.enabled=false}).
 */
public final class StatsBenchmark {

    static final List<String> VIEWS = List.of("overview", "top_artists", "top_albums", "top_tracks", "timeline_day",
            "timeline_month", "heatmap", "clock", "streaks", "discoveries", "insights");
    static final List<String> RANGES = List.of("7d", "30d", "365d", "all_time");
    /** Ten years of history ending yesterday, so that 7d and 30d are not empty. */
    private static final int DAYS = 3_650;
    /** Targets: p95 over 365d and all_time at most this share of the baseline's; no view slower than its baseline. */
    private static final double LONG_RANGE_TARGET = 1.0 / 20;

    private StatsBenchmark() {}

    public static void main(String[] args) throws Exception {
        StatsBenchOptions o = StatsBenchOptions.parse(args);
        if (o.mode().equals("ingest-ratio")) {
            ingestRatio(BenchOptions.parse(o.ingestArgs()));
        } else {
            views(o);
        }
        System.exit(0); // the context's non-daemon threads (if any) must not keep the benchmark alive
    }

    private static void ingestRatio(BenchOptions o) throws Exception {
        System.out.printf(Locale.ROOT, "bench stats ingest-ratio db=%s listens=%d users=%d batch=%d threads=%d"
                + " maxHeapMB=%d%n", o.db(), o.listens(), o.users(), o.batch(), o.threads(),
                Runtime.getRuntime().maxMemory() >> 20);
        SyntheticCatalog catalog = new SyntheticCatalog(o.artists(), "", o.seed());
        SyntheticCatalog warmupCatalog = new SyntheticCatalog(Math.max(50, o.artists() / 10), "Warm-up ", o.seed() + 1);
        // A whole phase thrown away first, then ABBA: with rollups, without, without, with. The first phase of a JVM
        // ran at 0.6 of the same phase later (20,000 warm-up listens are not enough for C2 to settle on two cores),
        // and with a plain A-then-B order that penalty fell on the rollups alone (docs/performance.md).
        IngestBenchmark.funnel(o, catalog, warmupCatalog, "funnel_jvm_warmup", List.of());
        List<Double> ons = new java.util.ArrayList<>();
        List<Double> offs = new java.util.ArrayList<>();
        for (boolean rollups : new boolean[] {true, false, false, true}) {
            if (rollups) {
                ons.add(IngestBenchmark.funnel(o, catalog, warmupCatalog, "funnel_rollups", List.of()));
            } else {
                offs.add(IngestBenchmark.funnel(o, catalog, warmupCatalog, "funnel_no_rollups",
                        List.of("tonearm.stats.rollups.enabled=false")));
            }
        }
        double on = ons.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double off = offs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf(Locale.ROOT, "RESULT db=%s mode=ingest_ratio rollups_rate=%.0f no_rollups_rate=%.0f"
                + " rollups_over_off=%.3f target=0.85 %s%n", o.db(), on, off, on / off, on / off >= 0.85 ? "PASS" : "FAIL");
    }

    private static void views(StatsBenchOptions o) throws Exception {
        System.out.printf(Locale.ROOT, "bench stats views db=%s listens=%d requests=%d clients=%d artists=%d seed=%d"
                + " java=%s cpus=%d maxHeapMB=%d (in-process StatsService calls, cache disabled; latencies in ms)%n",
                o.db(), o.listens(), o.requests(), o.clients(), o.artists(), o.seed(), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (FreshDatabase db = o.reuse() != null ? FreshDatabase.existing(o.db(), o.reuse())
                : FreshDatabase.create(o.db(), "stats", o.keep())) {
            // 16 clients share the application's pool (8 connections): a call may wait for a connection longer than the
            // production default of 3 s while long baselines run, and a whole-history baseline on PostgreSQL may run
            // past the 10 s statement timeout on a loaded machine: both must count as time, not as failed requests
            ConfigurableApplicationContext context = db.boot(List.of("tonearm.stats.cache.enabled=false",
                    "tonearm.db.connection-timeout=10m", "tonearm.db.statement-timeout=0s"));
            long user;
            if (o.reuse() != null) {
                Database database = context.getBean(Database.class);
                user = database.read(() -> database.dsl().select(org.tonearm.schema.Tables.USERS.ID)
                        .from(org.tonearm.schema.Tables.USERS)
                        .where(org.tonearm.schema.Tables.USERS.USERNAME.startsWith("stats_")).fetchOne(0, Long.class));
                System.out.printf(Locale.ROOT, "loaded nothing: reusing %s (user %d; listens as a kept run left them,"
                        + " so 7d/30d end on the day it loaded) (load %s)%n", db.describe(), user, IngestBenchmark.load());
            } else {
                user = BenchUsers.create(context.getBean(Database.class), "stats_", 1)[0];
                load(o, context.getBean(ListenService.class), user, db);
            }
            StatsService stats = context.getBean(StatsService.class);
            DirectQueries direct = new DirectQueries(context.getBean(DataSource.class), o.db());
            IngestBenchmark.settle();
            Map<String, Double> ratios = new LinkedHashMap<>();
            try (LatencyRun clients = new LatencyRun(o.clients())) {
                for (String view : VIEWS) {
                    for (String name : RANGES) {
                        if (!o.only().isEmpty() && !o.only().contains(view + "_" + name)) {
                            continue;
                        }
                        RangeRequest request = RangeRequest.named(name);
                        StatsRange range = stats.resolve(user, request);
                        // one call per view: the range resolved in it, on the view's connection and snapshot
                        LatencyRun.Call viewCall = () -> call(stats, view, user, request);
                        LatencyRun.Call baseCall = () -> direct.run(view, user, range);
                        int warm = Math.min(o.requests(), o.clients()); // untimed: first plans, JIT
                        clients.measure(warm, viewCall);
                        clients.measure(warm, baseCall);
                        LatencyRun.Outcome vo = clients.measure(o.requests(), viewCall);
                        LatencyRun.Outcome bo = clients.measure(o.requests(), baseCall);
                        long[] v = vo.nanos();
                        long[] b = bo.nanos();
                        double ratio = p(v, 95) / p(b, 95);
                        // a failed request fails the targets whatever its time
                        ratios.put(view + " " + name, vo.errors() > 0 ? Double.POSITIVE_INFINITY : ratio);
                        System.out.printf(Locale.ROOT, "RESULT db=%s mode=%s_%s view=%s range=%s requests=%d"
                                + " p50=%.2f p95=%.2f p99=%.2f baseline_p50=%.2f baseline_p95=%.2f baseline_p99=%.2f"
                                + " ratio=%.4f errors=%d baseline_errors=%d%n", o.db(), view, name, view, name,
                                o.requests(), p(v, 50), p(v, 95), p(v, 99), p(b, 50), p(b, 95), p(b, 99), ratio,
                                vo.errors(), bo.errors());
                        if (vo.firstError() != null || bo.firstError() != null) {
                            System.out.println("ERROR " + view + "/" + name + ": view " + vo.firstError()
                                    + "; baseline " + bo.firstError());
                        }
                    }
                }
            }
            check(o.db(), ratios);
        }
    }

    /** Streams one user's history from the generator into the funnel, one batch in memory at a time. */
    static void load(StatsBenchOptions o, ListenService listens, long user, FreshDatabase db) {
        SyntheticCatalog catalog = new SyntheticCatalog(o.artists(), "", o.seed());
        long firstDay = LocalDate.now(ZoneOffset.UTC).toEpochDay() - DAYS;
        ListenerStream stream = new HistoryGenerator(catalog, o.seed()).stream(user, 0, o.listens(), firstDay, DAYS);
        long start = System.nanoTime();
        for (int done = 0; done < o.listens(); done += o.batch()) {
            int size = Math.min(o.batch(), o.listens() - done);
            List<IncomingListen> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(stream.next());
            }
            listens.ingestBatch(batch);
        }
        System.out.printf(Locale.ROOT, "loaded %d listens of one user over %d days from %s in %.1f s on %s (load %s)%n",
                o.listens(), DAYS, LocalDate.ofEpochDay(firstDay), (System.nanoTime() - start) / 1e9, db.describe(),
                IngestBenchmark.load());
    }

    private static Object call(StatsService stats, String view, long user, RangeRequest range) {
        return switch (view) {
            case "overview" -> stats.overview(user, range);
            case "top_artists" -> stats.top(user, range, Entity.ARTISTS, TopOrder.PLAYS, 50, 0);
            case "top_albums" -> stats.top(user, range, Entity.ALBUMS, TopOrder.PLAYS, 50, 0);
            case "top_tracks" -> stats.top(user, range, Entity.TRACKS, TopOrder.PLAYS, 50, 0);
            case "timeline_day" -> stats.timeline(user, range, Step.DAY);
            case "timeline_month" -> stats.timeline(user, range, Step.MONTH);
            case "heatmap" -> stats.heatmap(user, range);
            case "clock" -> stats.clock(user, range);
            case "streaks" -> stats.streaks(user, range);
            case "discoveries" -> stats.discoveries(user, range, Entity.ARTISTS, 50, 0);
            case "insights" -> stats.insights(user, range, 10);
            default -> throw new IllegalArgumentException(view);
        };
    }

    private static void check(String db, Map<String, Double> ratios) {
        List<String> longRangeMisses = new ArrayList<>();
        List<String> slower = new ArrayList<>();
        double worstLong = 0;
        for (Map.Entry<String, Double> e : ratios.entrySet()) {
            if (e.getKey().endsWith(" 365d") || e.getKey().endsWith(" all_time")) {
                worstLong = Math.max(worstLong, e.getValue());
                if (e.getValue() > LONG_RANGE_TARGET) {
                    longRangeMisses.add(e.getKey().replace(' ', '/'));
                }
            }
            if (e.getValue() > 1) {
                slower.add(e.getKey().replace(' ', '/'));
            }
        }
        System.out.printf(Locale.ROOT, "RESULT db=%s mode=check worst_long_range_ratio=%.4f long_range_target=%.2f"
                + " long_range_misses=%d slower_than_baseline=%d verdict=%s misses=%s slower=%s%n", db, worstLong,
                LONG_RANGE_TARGET, longRangeMisses.size(), slower.size(),
                longRangeMisses.isEmpty() && slower.isEmpty() ? "PASS" : "FAIL", longRangeMisses, slower);
    }

    private static double p(long[] nanos, int percentile) {
        return IngestBenchmark.percentile(nanos, percentile);
    }
}
