package org.tonearm.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue #19 item 5's reads: one user's first page of {@code GET /api/v1/listens} and two statistics views, each
 * requested {@code requests} times one after the other (after five untimed), timed from outside; measured once with
 * few listens of others in the tables and once with a million, for the same user, then compared (p95 within 1.2×).
 */
final class ReadLatency {

    private static final List<String> PATHS = List.of("/api/v1/listens", "/api/v1/stats/overview?range=all_time",
            "/api/v1/stats/top/artists?range=365d&limit=50");

    private final ListensApiClient api;
    private final String token;
    private final int requests;

    ReadLatency(ListensApiClient api, String token, int requests) {
        this.api = api;
        this.token = token;
        this.requests = requests;
    }

    /** Path → {p50, p95} in ms; prints one RESULT line per path. */
    Map<String, double[]> measure(String db, String label) throws Exception {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String path : PATHS) {
            for (int i = 0; i < 5; i++) {
                api.get(token, path);
            }
            long[] nanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                api.get(token, path);
                nanos[i] = System.nanoTime() - t;
            }
            double p50 = IngestBenchmark.percentile(nanos, 50);
            double p95 = IngestBenchmark.percentile(nanos, 95);
            out.put(path, new double[] {p50, p95});
            System.out.printf(Locale.ROOT, "RESULT db=%s mode=read tables=%s path=%s requests=%d p50_ms=%.1f p95_ms=%.1f"
                    + " load=\"%s\"%n", db, label, path, requests, p50, p95, IngestBenchmark.load());
        }
        return out;
    }

    void compare(String db, Map<String, double[]> few, Map<String, double[]> many) {
        for (String path : PATHS) {
            double ratio = many.get(path)[1] / few.get(path)[1];
            System.out.printf(Locale.ROOT, "RESULT db=%s mode=item5_read path=%s p95_million_over_few=%.2f target=1.2 %s%n",
                    db, path, ratio, ratio <= 1.2 ? "PASS" : "FAIL");
        }
    }
}
