package org.tonearm.integrations.internal.scrobbling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock ListenBrainz that answers {@code GET /1/user/{user}/listens} and {@code GET /1/validate-token} from the
 * listens and tokens a test gives it, the way the real API does
 * (https://listenbrainz.readthedocs.io/en/latest/users/api/core.html): listens strictly before {@code max_ts} and
 * strictly after {@code min_ts}, newest first, at most {@code count} (capped at MAX_ITEMS_PER_GET, 1000), in
 * {@code {"payload":{"count","listens":[…],"user_id","latest_listen_ts","oldest_listen_ts"}}}; every answer with
 * {@code X-RateLimit-Limit/Remaining/Reset-In/Reset} of a fixed window; errors as {@code {"code":N,"error":"…"}}
 * (401 for a token ListenBrainz does not know, 404 for an unknown user, 429 once the window is used up).
 * Faults beyond these are WireMock stubs at a higher priority.
 */
public final class FakeListenBrainz implements ResponseDefinitionTransformerV2 {

    /** One listen as a user submitted it; {@code track} null makes an item the client cannot store. */
    public record Listen(long listenedAt, String msid, String artist, String track, String release) {}

    /**
     * An answer as the fake decided it ({@link System#nanoTime()}): before it was sent, so a client that waits after
     * an answer sends its next request at least that long after this time, however late WireMock logs the requests.
     */
    public record Answer(long nanos, String url, int status) {}

    public static final String NAME = "fake-listenbrainz";
    private static final Pattern LISTENS = Pattern.compile("/1/user/([^/]+)/listens");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, List<Listen>> listens = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private volatile int windowLimit;
    private volatile long windowMillis;
    private long windowStart;
    private int windowUsed;
    private int refuseNext;
    private int refuseFor;

    public FakeListenBrainz() {
        reset();
    }

    /** Forgets every listen and token; the rate-limit window back to 1000 requests per 10 s (never reached). */
    public synchronized void reset() {
        listens.clear();
        tokens.clear();
        answers.clear();
        windowLimit = 1000;
        windowMillis = 10_000;
        windowStart = 0;
        windowUsed = 0;
        refuseNext = 0;
    }

    /** The stubs that route the two endpoints here (at a low priority: tests stub faults above them). */
    public void stub(WireMockServer server) {
        server.stubFor(get(urlPathMatching("/1/user/[^/]+/listens")).atPriority(10)
                .willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(get(urlPathEqualTo("/1/validate-token")).atPriority(10)
                .willReturn(aResponse().withTransformers(NAME)));
    }

    /**
     * Answers one page and one token check before any test: the first answer of a fresh JVM (WireMock's threads, this
     * class's JSON mapper) can take longer than the tests' 1 s read timeout on a loaded machine.
     */
    public void warmUp(WireMockServer server) {
        stub(server);
        user("warm-up", "warm-up-token", List.of(new Listen(1_700_000_000L, "warm-up", "Artist", "Track", null)));
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            for (String path : List.of("/1/user/warm-up/listens?count=1", "/1/validate-token")) {
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                        .header("Authorization", "Token warm-up-token").build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.resetAll();
        reset();
    }

    public void user(String user, String token, List<Listen> history) {
        listens.put(user, new CopyOnWriteArrayList<>(history));
        if (token != null) {
            tokens.put(token, user);
        }
    }

    /** A listen submitted to ListenBrainz now (a new play, or a late scrobble with a past time). */
    public void add(String user, Listen listen) {
        listens.get(user).add(listen);
    }

    /** The user reset their token at ListenBrainz: the old one is no longer valid. */
    public void revoke(String token) {
        tokens.remove(token);
    }

    public void addToken(String token, String user) {
        tokens.put(token, user);
    }

    /** {@code limit} requests per window of {@code millis}; one more is answered 429. */
    public synchronized void rateLimit(int limit, long millis) {
        windowLimit = limit;
        windowMillis = millis;
        windowStart = 0;
        windowUsed = 0;
    }

    /** The next {@code requests} are refused with 429 and {@code X-RateLimit-Reset-In: seconds} (other clients spent the window). */
    public synchronized void refuseNext(int requests, int seconds) {
        refuseNext = requests;
        refuseFor = seconds;
    }

    /** Every answer since the last reset, in order. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        ResponseDefinition answer = answer(event.getRequest());
        answers.add(new Answer(System.nanoTime(), event.getRequest().getUrl(), answer.getStatus()));
        return answer;
    }

    private ResponseDefinition answer(LoggedRequest request) {
        long now = System.currentTimeMillis();
        int remaining;
        long resetInMillis;
        boolean refused;
        synchronized (this) {
            if (now - windowStart >= windowMillis) {
                windowStart = now;
                windowUsed = 0;
            }
            resetInMillis = windowStart + windowMillis - now;
            if (refuseNext > 0) {
                refuseNext--;
                refused = true;
                resetInMillis = refuseFor * 1000L;
                remaining = 0;
            } else {
                windowUsed++;
                refused = windowUsed > windowLimit;
                remaining = Math.max(0, windowLimit - windowUsed);
            }
        }
        long resetIn = Math.max(1, (resetInMillis + 999) / 1000); // whole seconds, rounded up like ListenBrainz
        var answer = aResponse().withHeader("Content-Type", "application/json")
                .withHeader("X-RateLimit-Limit", Integer.toString(windowLimit))
                .withHeader("X-RateLimit-Remaining", Integer.toString(remaining))
                .withHeader("X-RateLimit-Reset-In", Long.toString(resetIn))
                .withHeader("X-RateLimit-Reset", Long.toString(now / 1000 + resetIn));
        if (refused) {
            return answer.withStatus(429).withBody(error(429, "Too many requests. Please wait " + resetIn
                    + " seconds and try again.")).build();
        }
        String auth = request.getHeader("Authorization");
        String tokenUser = auth != null && auth.startsWith("Token ") ? tokens.get(auth.substring(6)) : null;
        if (request.getUrl().startsWith("/1/validate-token")) {
            return answer.withStatus(200).withBody(tokenUser == null
                    ? "{\"code\":200,\"message\":\"Token invalid.\",\"valid\":false}"
                    : "{\"code\":200,\"message\":\"Token valid.\",\"valid\":true,\"user_name\":\"" + tokenUser + "\"}")
                    .build();
        }
        if (auth != null && tokenUser == null) {
            return answer.withStatus(401).withBody(error(401, "Invalid authorization token.")).build();
        }
        Matcher path = LISTENS.matcher(request.getUrl().replaceAll("\\?.*", ""));
        if (!path.matches() || !listens.containsKey(path.group(1))) {
            return answer.withStatus(404).withBody(error(404, "Cannot find user: "
                    + (path.matches() ? path.group(1) : "?"))).build();
        }
        return answer.withStatus(200).withBody(page(path.group(1), request)).build();
    }

    private String page(String user, LoggedRequest request) {
        Long maxTs = number(request.queryParameter("max_ts"));
        Long minTs = number(request.queryParameter("min_ts"));
        Long count = number(request.queryParameter("count"));
        int limit = (int) Math.min(1000, count == null ? 25 : count); // DEFAULT_ITEMS_PER_GET 25, MAX 1000
        List<Listen> all = new ArrayList<>(listens.get(user));
        List<Listen> inRange = all.stream().filter(l -> (maxTs == null || l.listenedAt() < maxTs)
                && (minTs == null || l.listenedAt() > minTs)).toList();
        // newest first; with only min_ts the ones just after it (ListenBrainz reads forward from min_ts)
        Comparator<Listen> newestFirst = Comparator.comparingLong(Listen::listenedAt).reversed()
                .thenComparing(Listen::msid);
        List<Listen> chosen = (minTs != null && maxTs == null
                ? inRange.stream().sorted(newestFirst.reversed()).limit(limit)
                : inRange.stream().sorted(newestFirst).limit(limit)).sorted(newestFirst).toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("count", chosen.size());
        payload.put("latest_listen_ts", all.stream().mapToLong(Listen::listenedAt).max().orElse(0));
        payload.put("oldest_listen_ts", all.stream().mapToLong(Listen::listenedAt).min().orElse(0));
        payload.put("listens", chosen.stream().map(l -> item(user, l)).toList());
        payload.put("user_id", user);
        return JSON.writeValueAsString(Map.of("payload", payload));
    }

    private static Map<String, Object> item(String user, Listen l) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("submission_client", "fake");
        info.put("duration_ms", 200_000);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("additional_info", info);
        meta.put("artist_name", l.artist());
        meta.put("release_name", l.release());
        if (l.track() != null) {
            meta.put("track_name", l.track());
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("inserted_at", l.listenedAt() + 2);
        item.put("listened_at", l.listenedAt());
        item.put("recording_msid", l.msid());
        item.put("track_metadata", meta);
        item.put("user_name", user);
        return item;
    }

    private static Long number(QueryParameter p) {
        return p == null || !p.isPresent() ? null : Long.valueOf(p.firstValue());
    }

    private static String error(int code, String message) {
        return JSON.writeValueAsString(Map.of("code", code, "error", message));
    }
}
