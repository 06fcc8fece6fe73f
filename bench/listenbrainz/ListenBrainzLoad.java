import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for Tonearm's ListenBrainz API (a single-file program: {@code java ListenBrainzLoad.java …}).
 * N connections (virtual threads sharing one java.net.http client, HTTP/1.1 keep-alive), each with its own
 * user token, POST submit-listens for a fixed time; every listen is a new play (distinct time), over a catalog of
 * 2,000 artists × 10 tracks. Prints one RESULT line with throughput and latency percentiles.
 *
 * <pre>
 * java ListenBrainzLoad.java --base http://127.0.0.1:3000 --tokens t1,t2,… --mode single|import
 *      [--connections 32] [--seconds 60] [--warmup 10] [--batch 1000] [--run 1]
 * </pre>
 */
public class ListenBrainzLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String base = o.get("base").replaceAll("/+$", "");
        String[] tokens = o.get("tokens").split(",");
        String mode = o.getOrDefault("mode", "single");
        int connections = Integer.parseInt(o.getOrDefault("connections", "32"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        int batch = mode.equals("import") ? Integer.parseInt(o.getOrDefault("batch", "1000")) : 1;
        int run = Integer.parseInt(o.getOrDefault("run", "1"));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        URI submit = URI.create(base + "/apis/listenbrainz/1/submit-listens");
        // every run and connection gets its own time range (listens 30 s apart), so no listen repeats another;
        // all ranges stay between 2002-10-01 and now for up to 10 single runs of 32 or 6 import runs of 4
        long span = mode.equals("import") ? 20_000_000L : 500_000L;
        long epoch = 1_040_000_000L + (long) run * connections * span;

        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[connections];
        CountDownLatch done = new CountDownLatch(connections);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                int conn = c;
                long[] lat = new long[4_000_000 / connections + 1024];
                latencies.add(lat);
                threads.submit(() -> {
                    String token = tokens[conn % tokens.length];
                    long ts = epoch + conn * span;
                    int n = 0;
                    try {
                        while (true) {
                            long start = System.nanoTime();
                            if (start >= end) {
                                break;
                            }
                            String body = body(mode, ts, batch, conn);
                            ts += batch * 30L;
                            HttpRequest req = HttpRequest.newBuilder(submit).timeout(Duration.ofSeconds(60))
                                    .header("Authorization", "Token " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                            HttpResponse<String> r;
                            try {
                                r = client.send(req, HttpResponse.BodyHandlers.ofString());
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                continue;
                            }
                            long took = System.nanoTime() - start;
                            if (r.statusCode() != 200) {
                                if (errors.incrementAndGet() < 5) {
                                    System.err.println("HTTP " + r.statusCode() + " " + r.body());
                                }
                                continue;
                            }
                            if (start >= warmupEnd && n < lat.length) {
                                lat[n++] = took;
                            }
                        }
                    } finally {
                        counts[conn] = n;
                        done.countDown();
                    }
                    return null;
                });
            }
            done.await();
        }
        long requests = Arrays.stream(counts).sum();
        long[] all = new long[(int) requests];
        int k = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies.get(c), 0, all, k, (int) counts[c]);
            k += (int) counts[c];
        }
        Arrays.sort(all);
        double listensPerSecond = requests * (double) batch / seconds;
        System.out.printf("RESULT mode=%s run=%d connections=%d seconds=%d requests=%d listens=%d rate=%.0f/s "
                        + "p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms errors=%d%n",
                mode, run, connections, seconds, requests, requests * batch, listensPerSecond, ms(all, 0.50),
                ms(all, 0.95), ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get());
    }

    private static String body(String mode, long ts, int batch, int conn) {
        StringBuilder b = new StringBuilder(batch * 220 + 64);
        b.append("{\"listen_type\":\"").append(mode).append("\",\"payload\":[");
        for (int i = 0; i < batch; i++) {
            long t = ts + i * 30L;
            int artist = (int) ((t / 30 * 7919 + conn) % 2000);
            int track = (int) ((t / 30) % 10);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"listened_at\":").append(t).append(",\"track_metadata\":{\"artist_name\":\"Bench Artist ")
                    .append(artist).append("\",\"track_name\":\"Bench Track ").append(artist).append('-').append(track)
                    .append("\",\"release_name\":\"Bench Album ").append(artist)
                    .append("\",\"additional_info\":{\"submission_client\":\"tonearm-bench\",\"duration_ms\":")
                    .append(180_000 + track * 1000).append(",\"music_service\":\"spotify.com\"}}}");
        }
        return b.append("]}").toString();
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }
}
