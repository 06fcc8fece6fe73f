package org.tonearm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.integrations.internal.connection.ConnectionScheduler;
import org.tonearm.integrations.internal.connection.ConnectionStore;
import org.tonearm.shared.Database;

/**
 * Spotify sync at scale (issue 13 item 8). See bench/README.md ("Spotify sync").
 *
 * <p>One run: a fresh database; the application context (no web server) with Spotify configured and both Spotify base
 * URLs pointed at {@link FakeSpotify} in this JVM; {@code --users} users and their Spotify connections written
 * through the integration's own {@link ConnectionStore#connect} (sealed tokens, due at once — the OAuth dance is not
 * what is measured); the fake's users have played every 2–4 min for the last {@code --history-minutes}, so the first
 * poll of each makes it active (30 s interval). Then the real {@link ConnectionScheduler} polls for {@code --minutes}
 * while every user keeps playing. At the end the scheduler is stopped, the runs in flight finish, and the listens
 * stored are compared per user with the plays the fake served: lost (served, not stored), doubled (stored twice or
 * never served). Sync lag of a play that ended during the run: the listen's created_at − the play's played_at (the
 * moment it became visible in recently-played).
 *
 * <p>CPU: the process's CPU time over the run minus the fake's server threads. Heap: the largest heap use sampled
 * every second, and the largest live heap after a collection (the heap pools' collection usage).
 */
public final class SpotifySyncBenchmark {

    private SpotifySyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String db = o.getOrDefault("db", "sqlite");
        int users = Integer.parseInt(o.getOrDefault("users", "1000"));
        double minutes = Double.parseDouble(o.getOrDefault("minutes", "10"));
        int historyMinutes = Integer.parseInt(o.getOrDefault("history-minutes", "30"));
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        boolean keep = o.containsKey("keep");
        long runMs = (long) (minutes * 60_000);

        System.out.printf(Locale.ROOT, "bench spotify-sync db=%s users=%d minutes=%s history_minutes=%d seed=%d"
                + " maxHeapMB=%d cpus=%d load=%s%n", db, users, minutes, historyMinutes, seed,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), load());

        long start = System.currentTimeMillis();
        try (FakeSpotify fake = new FakeSpotify(users, start - historyMinutes * 60_000L, start + runMs + 120_000,
                seed, 4); FreshDatabase fresh = FreshDatabase.create(db, "sync", keep)) {
            ConfigurableApplicationContext context = fresh.boot(List.of(
                    "tonearm.integrations.spotify.client-id=tonearm-bench",
                    "tonearm.integrations.spotify.api-base-url=" + fake.baseUrl(),
                    "tonearm.integrations.spotify.accounts-base-url=" + fake.baseUrl(),
                    "logging.level.org.tonearm.integrations=warn"));
            Database database = context.getBean(Database.class);
            ConnectionStore store = context.getBean(ConnectionStore.class);
            ConnectionScheduler scheduler = context.getBean(ConnectionScheduler.class);

            long[] userIds = BenchUsers.create(database, "spotify", users);
            Map<Long, Integer> userIndex = new HashMap<>();
            for (int u = 0; u < users; u++) {
                userIndex.put(userIds[u], u);
            }
            System.gc();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long fakeCpu0 = fake.cpuNanos();
            HeapWatch heap = new HeapWatch();
            long t0 = System.currentTimeMillis();
            for (int u = 0; u < users; u++) {
                // access tokens expire 6–16 min from now: about half of the users refresh during a 10-minute run
                long expiresAt = t0 + 360_000 + (u * 600_000L / users);
                String credentials = "{\"access_token\":\"" + fake.issue(u, expiresAt) + "\",\"refresh_token\":\""
                        + FakeSpotify.refreshToken(u) + "\",\"expires_at\":" + expiresAt
                        + ",\"scope\":\"user-read-recently-played\"}";
                store.connect(userIds[u], "spotify", "bench-user-" + u, credentials, true, false, null, null,
                        System.currentTimeMillis());
            }
            System.out.printf(Locale.ROOT, "connections: %d created in %d ms (ConnectionStore.connect)%n", users,
                    System.currentTimeMillis() - t0);

            long runEnd = t0 + runMs;
            long lastProgress = t0;
            while (System.currentTimeMillis() < runEnd) {
                Thread.sleep(Math.min(1_000, Math.max(1, runEnd - System.currentTimeMillis())));
                if (System.currentTimeMillis() - lastProgress >= 60_000) {
                    lastProgress = System.currentTimeMillis();
                    System.out.printf(Locale.ROOT, "t=%ds polls=%d items=%d refreshes=%d 401=%d listens=%d"
                            + " cpu_s=%.1f heap_peak_mb=%d load=%s%n", (lastProgress - t0) / 1000,
                            fake.pollRequests.get(), fake.itemsServed.get(), fake.refreshes.get(),
                            fake.unauthorized.get(), count(database, "select count(*) from listens"),
                            (os.getProcessCpuTime() - cpu0 - (fake.cpuNanos() - fakeCpu0)) / 1e9,
                            heap.peakUsed() >> 20, load());
                }
            }
            long measuredCpu = os.getProcessCpuTime() - cpu0;
            long fakeCpu = fake.cpuNanos() - fakeCpu0;
            long wall = System.currentTimeMillis() - t0;
            heap.stop();

            // let the runs in flight finish: stop claiming, wait until no claim is held
            scheduler.stop();
            long waitUntil = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < waitUntil && count(database,
                    "select count(*) from integration_connections where claimed_until >= "
                            + System.currentTimeMillis()) > 0) {
                Thread.sleep(200);
            }
            Thread.sleep(500);

            verify(db, database, fake, users, userIndex, t0, runEnd, measuredCpu, fakeCpu, wall, heap);
        }
        System.exit(0);
    }

    private static void verify(String db, Database database, FakeSpotify fake, int users, Map<Long, Integer> userIndex,
            long t0, long runEnd, long cpuNanos, long fakeCpuNanos, long wallMs, HeapWatch heap) {
        // what Tonearm stored: per user, external id → listens
        Map<Integer, Map<String, List<Long>>> stored = new HashMap<>();
        database.dsl().fetch("select user_id, external_id, created_at from listens where origin = ?",
                "spotify_recently_played").forEach(r -> {
                    int u = userIndex.get(((Number) r.get(0)).longValue());
                    stored.computeIfAbsent(u, k -> new HashMap<>())
                            .computeIfAbsent(String.valueOf(r.get(1)), k -> new ArrayList<>())
                            .add(((Number) r.get(2)).longValue());
                });
        long otherOrigins = count(database, "select count(*) from listens where origin <> 'spotify_recently_played'");
        long sources = count(database, "select count(*) from listen_sources");
        long servedTotal = 0;
        long storedTotal = 0;
        long lost = 0;
        long doubled = 0;
        long unserved = 0;
        List<Long> lags = new ArrayList<>();
        List<Long> lagsAfterWarmup = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        int usersWithLoss = 0;
        for (int u = 0; u < users; u++) {
            FakeSpotify.Plays plays = fake.plays(u);
            BitSet served = fake.served(u);
            Map<String, List<Long>> mine = stored.getOrDefault(u, Map.of());
            Map<String, Integer> indexOf = new HashMap<>();
            for (int i = 0; i < plays.playedAt().length; i++) {
                indexOf.put(FakeSpotify.playedAt(plays.playedAt()[i]) + "|" + FakeSpotify.trackId(plays.track()[i]), i);
            }
            boolean loss = false;
            for (int i = served.nextSetBit(0); i >= 0; i = served.nextSetBit(i + 1)) {
                servedTotal++;
                String id = FakeSpotify.playedAt(plays.playedAt()[i]) + "|" + FakeSpotify.trackId(plays.track()[i]);
                List<Long> rows = mine.get(id);
                if (rows == null) {
                    lost++;
                    loss = true;
                    continue;
                }
                if (rows.size() > 1) {
                    doubled += rows.size() - 1;
                }
                long playedAt = plays.playedAt()[i];
                if (playedAt >= t0 && playedAt <= runEnd) {
                    long lag = rows.get(0) - playedAt;
                    lags.add(lag);
                    if (playedAt >= t0 + 120_000) {
                        lagsAfterWarmup.add(lag);
                    }
                }
            }
            for (Map.Entry<String, List<Long>> e : mine.entrySet()) {
                storedTotal += e.getValue().size();
                Integer i = indexOf.get(e.getKey());
                if (i == null || !served.get(i)) {
                    unserved += e.getValue().size();
                }
            }
            if (loss) {
                usersWithLoss++;
            }
            long[] polls = fake.pollTimes(u);
            for (int k = 1; k < polls.length; k++) {
                if (polls[k - 1] >= t0 + 120_000) {
                    gaps.add(polls[k] - polls[k - 1]);
                }
            }
        }
        // plays that ended during the run (visible) but were never served: the poll after the run's end would take them
        long visibleNotServed = 0;
        for (int u = 0; u < users; u++) {
            FakeSpotify.Plays plays = fake.plays(u);
            BitSet served = fake.served(u);
            for (int i = 0; i < plays.playedAt().length; i++) {
                if (plays.playedAt()[i] >= t0 && plays.playedAt()[i] <= runEnd - 40_000 && !served.get(i)) {
                    visibleNotServed++;
                }
            }
        }
        long[] lag = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] lagW = lagsAfterWarmup.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] gap = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "RESULT db=%s mode=spotify_sync users=%d wall_s=%.0f cpu_seconds=%.1f"
                        + " fake_cpu_seconds=%.1f cpu_share=%.2f heap_peak_used_mb=%d heap_pool_peaks_mb=%d heap_live_after_gc_max_mb=%d"
                        + " heap_committed_max_mb=%d polls=%d polls_per_s=%.1f refreshes=%d unauthorized=%d"
                        + " served=%d stored=%d lost=%d doubled=%d stored_not_served=%d users_with_loss=%d"
                        + " ended_not_served=%d other_origin_listens=%d listen_sources=%d"
                        + " lag_n=%d lag_p50_s=%.1f lag_p95_s=%.1f lag_p99_s=%.1f lag_max_s=%.1f"
                        + " lag_after2min_p95_s=%.1f poll_gap_p50_s=%.1f poll_gap_p95_s=%.1f poll_gap_max_s=%.1f"
                        + " target_lag_p95=%s target_exact=%s load=%s%n",
                db, users, wallMs / 1000.0, cpuNanos / 1e9 - fakeCpuNanos / 1e9, fakeCpuNanos / 1e9,
                (cpuNanos - fakeCpuNanos) / 1e6 / wallMs, heap.peakUsed() >> 20, heap.poolPeaks() >> 20, heap.peakLiveAfterGc() >> 20,
                heap.peakCommitted() >> 20, fake.pollRequests.get(), fake.pollRequests.get() * 1000.0 / wallMs,
                fake.refreshes.get(), fake.unauthorized.get(), servedTotal, storedTotal, lost, doubled, unserved,
                usersWithLoss, visibleNotServed, otherOrigins, sources, lag.length, pct(lag, 50), pct(lag, 95),
                pct(lag, 99), lag.length == 0 ? 0 : lag[lag.length - 1] / 1000.0, pct(lagW, 95), pct(gap, 50),
                pct(gap, 95), gap.length == 0 ? 0 : gap[gap.length - 1] / 1000.0,
                pct(lag, 95) < 35 ? "PASS" : "FAIL",
                lost == 0 && doubled == 0 && unserved == 0 ? "PASS" : "FAIL", load());
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    private static long count(Database database, String sql) {
        return ((Number) database.dsl().fetchValue(sql)).longValue();
    }

    static String load() {
        try {
            return String.join(",", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (Exception e) {
            return "?";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("keep")) {
                o.put(key, "true");
            } else {
                o.put(key, args[++i]);
            }
        }
        return o;
    }

    /** Heap use sampled every second, and the heap pools' usage after their last collection. */
    private static final class HeapWatch {
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-watch");
            t.setDaemon(true);
            return t;
        });
        private final AtomicLong used = new AtomicLong();
        private final AtomicLong live = new AtomicLong();
        private final AtomicLong committed = new AtomicLong();

        HeapWatch() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        }

        private void sample() {
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            used.accumulateAndGet(heap.getUsed(), Math::max);
            committed.accumulateAndGet(heap.getCommitted(), Math::max);
            long afterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    afterGc += pool.getCollectionUsage().getUsed();
                }
            }
            live.accumulateAndGet(afterGc, Math::max);
        }

        long peakUsed() {
            return used.get();
        }

        long peakLiveAfterGc() {
            return live.get();
        }

        /** The sum of the heap pools' own peaks since the start (an upper bound: the pools peak at different times). */
        long poolPeaks() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }

        long peakCommitted() {
            return committed.get();
        }

        void stop() {
            sample();
            sampler.shutdownNow();
        }
    }
}
