package org.tonearm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Where PostgreSQL's time goes during a measurement: {@code pg_stat_activity} sampled every 50 ms (active client
 * backends of the benchmark's database other than this one), counted per wait event and statement start. The
 * issue's own diagnosis was made this way (89 % of samples in the window lookup).
 */
final class PgActivitySampler implements AutoCloseable {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final Connection connection;
    private final Thread thread;
    private volatile boolean running = true;

    PgActivitySampler(String url, String user) throws Exception {
        connection = DriverManager.getConnection(url, user, "");
        thread = Thread.ofPlatform().daemon().name("pg-activity").start(this::loop);
    }

    private void loop() {
        String sql = "select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-'),"
                + " regexp_replace(left(query, 90), '\\s+', ' ', 'g') from pg_stat_activity"
                + " where datname = current_database() and state = 'active' and backend_type = 'client backend'"
                + " and pid <> pg_backend_pid()";
        try (Statement s = connection.createStatement()) {
            while (running) {
                samples.incrementAndGet();
                try (ResultSet r = s.executeQuery(sql)) {
                    while (r.next()) {
                        counts.computeIfAbsent(r.getString(1) + " | " + r.getString(2), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            if (running) {
                System.out.println("pg-activity sampler stopped: " + e);
            }
        }
    }

    /** The top lines since the last call ({@code count  share  wait | statement}); starts a new period. */
    String takeReport(int top) {
        long total = counts.values().stream().mapToLong(AtomicLong::get).sum();
        long taken = samples.getAndSet(0);
        String lines = counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, AtomicLong> e) -> e.getValue().get()).reversed())
                .limit(top)
                .map(e -> String.format(java.util.Locale.ROOT, "  %6d %5.1f%%  %s", e.getValue().get(),
                        100.0 * e.getValue().get() / Math.max(1, total), e.getKey()))
                .collect(Collectors.joining("\n"));
        counts.clear();
        return "pg_stat_activity: " + taken + " samples, " + total + " active backends seen\n" + lines;
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(2_000);
        connection.close();
    }
}
