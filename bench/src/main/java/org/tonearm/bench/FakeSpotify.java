package org.tonearm.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local fake of the two Spotify services the sync uses, on the JDK's {@link HttpServer} (issue 13 item 8):
 * <ul>
 *   <li>{@code GET /v1/me/player/recently-played?limit=&after=} — a cursor-based paging object as the real one
 *       (https://developer.spotify.com/documentation/web-api/reference/get-recently-played): {@code items[]} of
 *       {@code {track {album, artists[], duration_ms, external_ids, id, name, type, uri}, played_at, context}},
 *       newest first, {@code cursors {after, before}}, {@code next}, {@code limit}, {@code href}; the user is the one
 *       whose access token is presented; an unknown or expired token is a 401 with Spotify's error body;</li>
 *   <li>{@code POST /api/token} with {@code grant_type=refresh_token} — a new access token (expires_in 3600); the
 *       refresh token is not rotated.</li>
 * </ul>
 * Each user "plays" a track every 2–4 minutes (uniform, deterministic for the seed) from {@code historyStart} on; a
 * play becomes visible in recently-played at its played_at (the END of playback), as on Spotify. With {@code after},
 * the page holds the oldest {@code limit} plays after the cursor (so the client pages forward); without, the newest
 * {@code limit}. Every play served at least once is remembered, to be compared with what Tonearm stored.
 *
 * <p>The server runs on its own named platform threads, so that its CPU time can be subtracted from the process's.
 */
final class FakeSpotify implements AutoCloseable {

    /** One user's plays: played_at (epoch ms, ascending) and the track of each. */
    record Plays(long[] playedAt, int[] track) {}

    private static final java.time.format.DateTimeFormatter PLAYED_AT = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final int TRACKS = 2_000;
    private static final int TRACKS_PER_ARTIST = 8;

    private final HttpServer server;
    private final ExecutorService pool;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Plays[] plays;
    private final BitSet[] served;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final long[] trackDurationMs = new long[TRACKS];
    private final AtomicInteger tokenSerial = new AtomicInteger();
    final AtomicLong pollRequests = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();
    final AtomicLong refreshes = new AtomicLong();
    final AtomicLong itemsServed = new AtomicLong();
    /** Per user: epoch ms of each poll, to see the poll interval Tonearm kept. */
    private final long[][] pollTimes;
    private final int[] pollCount;

    private record Token(int user, long expiresAt) {}

    FakeSpotify(int users, long historyStart, long end, long seed, int threadCount) throws IOException {
        Random random = new Random(seed);
        for (int t = 0; t < TRACKS; t++) {
            // shorter than the smallest gap between plays (2 min), so no two plays of a user overlap
            trackDurationMs[t] = 60_000 + random.nextInt(58_000);
        }
        plays = new Plays[users];
        served = new BitSet[users];
        pollTimes = new long[users][];
        pollCount = new int[users];
        for (int u = 0; u < users; u++) {
            Random r = new Random(seed * 1_000_003L + u);
            int n = (int) ((end - historyStart) / 120_000) + 2;
            long[] at = new long[n];
            int[] track = new int[n];
            long t = historyStart + r.nextInt(240_000);
            int count = 0;
            while (count < n && t <= end) {
                at[count] = t - (t % 1000) + r.nextInt(1000);
                track[count] = r.nextInt(TRACKS);
                count++;
                t += 120_000 + r.nextInt(120_001);
            }
            plays[u] = new Plays(java.util.Arrays.copyOf(at, count), java.util.Arrays.copyOf(track, count));
            served[u] = new BitSet(count);
            pollTimes[u] = new long[(int) ((end - historyStart) / 10_000) + 64];
        }
        pool = Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, "fake-spotify-" + threads.size());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(pool);
        server.createContext("/v1/me/player/recently-played", this::recentlyPlayed);
        server.createContext("/api/token", this::token);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The user's first access token, valid until {@code expiresAt}. */
    String issue(int user, long expiresAt) {
        String token = "bench-at-" + user + "-" + tokenSerial.incrementAndGet();
        tokens.put(token, new Token(user, expiresAt));
        return token;
    }

    static String refreshToken(int user) {
        return "bench-rt-" + user;
    }

    Plays plays(int user) {
        return plays[user];
    }

    BitSet served(int user) {
        synchronized (served[user]) {
            return (BitSet) served[user].clone();
        }
    }

    long[] pollTimes(int user) {
        synchronized (pollTimes[user]) {
            return java.util.Arrays.copyOf(pollTimes[user], pollCount[user]);
        }
    }

    static String playedAt(long epochMs) {
        // Spotify's format: ISO 8601 UTC with milliseconds, e.g. 2016-12-13T20:44:04.589Z
        return PLAYED_AT.format(Instant.ofEpochMilli(epochMs));
    }

    static String trackId(int track) {
        return String.format(java.util.Locale.ROOT, "bench%017d", track);
    }

    /** CPU time (ns) of the fake's threads so far. */
    long cpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : threads) {
            long cpu = mx.getThreadCpuTime(t.threadId());
            sum += Math.max(0, cpu);
        }
        return sum;
    }

    private void recentlyPlayed(HttpExchange exchange) throws IOException {
        try (exchange) {
            long now = System.currentTimeMillis();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Token token = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
            if (token == null || token.expiresAt() <= now) {
                unauthorized.incrementAndGet();
                send(exchange, 401, "{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}");
                return;
            }
            pollRequests.incrementAndGet();
            int user = token.user();
            synchronized (pollTimes[user]) {
                if (pollCount[user] < pollTimes[user].length) {
                    pollTimes[user][pollCount[user]++] = now;
                }
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int limit = Math.max(1, Math.min(50, Integer.parseInt(query.getOrDefault("limit", "20"))));
            Plays p = plays[user];
            int visible = upperBound(p.playedAt(), now); // plays [0, visible) have ended by now
            int from;
            int to;
            String after = query.get("after");
            if (after != null) {
                from = upperBound(p.playedAt(), Long.parseLong(after)); // strictly after the cursor
                to = Math.min(visible, from + limit);
            } else {
                to = visible;
                from = Math.max(0, to - limit);
            }
            StringBuilder json = new StringBuilder(1024 + (to - from) * 900);
            String base = baseUrl() + "/v1/me/player/recently-played";
            json.append("{\"href\":\"").append(base).append("?limit=").append(limit)
                    .append(after != null ? "&after=" + after : "").append("\",\"items\":[");
            for (int i = to - 1; i >= from; i--) {
                if (i < to - 1) {
                    json.append(',');
                }
                item(json, p.playedAt()[i], p.track()[i]);
            }
            json.append("],\"limit\":").append(limit);
            if (to > from) {
                json.append(",\"next\":");
                if (after != null && to < visible) {
                    json.append('"').append(base).append("?after=").append(p.playedAt()[to - 1]).append("&limit=")
                            .append(limit).append('"');
                } else {
                    json.append("null");
                }
                json.append(",\"cursors\":{\"after\":\"").append(p.playedAt()[to - 1]).append("\",\"before\":\"")
                        .append(p.playedAt()[from]).append("\"}");
            } else {
                json.append(",\"next\":null,\"cursors\":null");
            }
            json.append('}');
            synchronized (served[user]) {
                if (to > from) {
                    served[user].set(from, to);
                }
            }
            itemsServed.addAndGet(to - from);
            send(exchange, 200, json.toString());
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"error\":{\"status\":500,\"message\":\"" + e + "\"}}");
        }
    }

    private void item(StringBuilder json, long playedAt, int track) {
        int artist = track / TRACKS_PER_ARTIST;
        String trackId = trackId(track);
        String artistId = String.format(java.util.Locale.ROOT, "benchartist%011d", artist);
        String albumId = String.format(java.util.Locale.ROOT, "benchalbum%012d", track / 4);
        String artistJson = "{\"external_urls\":{\"spotify\":\"https://open.spotify.com/artist/" + artistId
                + "\"},\"href\":\"https://api.spotify.com/v1/artists/" + artistId + "\",\"id\":\"" + artistId
                + "\",\"name\":\"Bench Artist " + artist + "\",\"type\":\"artist\",\"uri\":\"spotify:artist:"
                + artistId + "\"}";
        json.append("{\"track\":{\"album\":{\"album_type\":\"album\",\"artists\":[").append(artistJson)
                .append("],\"id\":\"").append(albumId).append("\",\"name\":\"Bench Album ").append(track / 4)
                .append("\",\"release_date\":\"2020-01-01\",\"release_date_precision\":\"day\",\"total_tracks\":4,")
                .append("\"type\":\"album\",\"uri\":\"spotify:album:").append(albumId).append("\"},\"artists\":[")
                .append(artistJson).append("],\"disc_number\":1,\"duration_ms\":").append(trackDurationMs[track])
                .append(",\"explicit\":false,\"external_ids\":{\"isrc\":\"").append(String.format(java.util.Locale.ROOT,
                        "XXBEN%07d", track)).append("\"},\"href\":\"https://api.spotify.com/v1/tracks/").append(trackId)
                .append("\",\"id\":\"").append(trackId).append("\",\"is_local\":false,\"name\":\"Bench Track ")
                .append(track).append("\",\"popularity\":50,\"track_number\":").append(track % 4 + 1)
                .append(",\"type\":\"track\",\"uri\":\"spotify:track:").append(trackId)
                .append("\"},\"played_at\":\"").append(playedAt(playedAt)).append("\",\"context\":null}");
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = query(body);
            String refresh = form.get("refresh_token");
            if (!"refresh_token".equals(form.get("grant_type")) || refresh == null || !refresh.startsWith("bench-rt-")) {
                send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}");
                return;
            }
            refreshes.incrementAndGet();
            int user = Integer.parseInt(refresh.substring("bench-rt-".length()));
            String access = issue(user, System.currentTimeMillis() + 3_600_000L);
            send(exchange, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"scope\":\"user-read-recently-played\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    /** The number of values ≤ key in the ascending array. */
    private static int upperBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
