package org.tonearm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TcpProxy;
import org.tonearm.testsupport.TestApps;
import org.tonearm.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Issue #16 item 1 and 2: PostgreSQL goes away (a {@link TcpProxy} between Tonearm and the server is cut) while
 * clients keep calling. Every route answers within 5 s in its protocol's own format (503 + Retry-After where the
 * database was needed), never Spring's default {@code {"timestamp":…,"status":500}} body; health says DOWN with
 * the reason and the last success; nothing answered 503 is stored, and once the database is back the first
 * submission succeeds and is stored once, without a restart. PostgreSQL only: an embedded SQLite file cannot be cut.
 */
class DatabaseOutageIntegrationTests {

    /** Issue #16: "every request is answered within 5 s". */
    private static final long ANSWER_WITHIN_MS = 5_000;
    /** Spring Boot's default error body: what no route may ever answer. */
    private static final Pattern SPRING_DEFAULT_BODY = Pattern.compile("\"timestamp\"\\s*:\\s*\"\\d{4}-");

    @Test
    void everyRouteAnswersPromptlyInItsOwnFormatWhileTheDatabaseIsCutAndTheFirstListenAfterwardsIsStoredOnce()
            throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "an embedded SQLite file cannot be cut");
        String pg = TestDatabase.jdbcUrl();
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                TestApps.App app = TestApps.start(Map.of(
                        "tonearm.db.url", pg.replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port()),
                        // short bounds keep the test fast; the defaults (3 s, 10 s, 2 s) are documented
                        "tonearm.db.connection-timeout", "1s", "tonearm.db.statement-timeout", "2s",
                        "tonearm.health.timeout", "1s"))) {
            Api api = app.api();
            Api.User user = api.newUser();
            String apiToken = user.api().post("/api/v1/me/tokens", Map.of("name", "outage")).json().path("token").asString();
            assertThat(api.get("/health/db").status()).isEqualTo(200);
            // the OpenAPI document is built on its first request (seconds of CPU, no database): not what is timed here
            assertThat(api.get("/api/v1/openapi.json").status()).isEqualTo(200);

            proxy.cut();

            Api.Response nativeListen = timed(() -> user.api().post("/api/v1/listens", listen("During Outage")));
            assertThat(nativeListen.status()).isEqualTo(503);
            assertThat(nativeListen.header("Content-Type")).startsWith("application/problem+json");
            assertThat(nativeListen.json().path("code").asString()).isEqualTo("DATABASE_ERROR");
            assertThat(nativeListen.header("Retry-After")).isEqualTo("5");

            // the known case of the issue: the API-token lookup fails inside the authentication filter
            Api.Response byToken = timed(() -> api.auth("Token " + apiToken).post("/api/v1/listens", listen("By Token")));
            assertThat(byToken.status()).isEqualTo(503);
            assertThat(byToken.json().path("code").asString()).isEqualTo("DATABASE_ERROR");
            assertThat(byToken.header("Retry-After")).isEqualTo("5");

            Api.Response lb = timed(() -> api.auth("Token " + apiToken).post("/1/submit-listens",
                    "{\"listen_type\":\"single\",\"payload\":[{\"listened_at\":1700000000,\"track_metadata\":"
                            + "{\"artist_name\":\"A\",\"track_name\":\"T\"}}]}"));
            assertThat(lb.status()).isEqualTo(503);
            assertThat(lb.json().path("code").asInt()).isEqualTo(503);
            assertThat(lb.json().path("error").asString()).isEqualTo("Service unavailable. Please try again later.");
            assertThat(lb.header("Retry-After")).isEqualTo("5");

            String scrobble = "method=track.scrobble&api_key=0123456789abcdef0123456789abcdef&sk=0123456789abcdef"
                    + "&artist=A&track=T&timestamp=1700000000&api_sig=0123456789abcdef0123456789abcdef";
            Api.Response lastfmXml = timed(() -> api.send("POST", "/2.0/", scrobble, "application/x-www-form-urlencoded"));
            assertThat(lastfmXml.status()).isEqualTo(503);
            assertThat(lastfmXml.body()).contains("<lfm status=\"failed\">", "code=\"16\"");
            assertThat(lastfmXml.header("Retry-After")).isEqualTo("5");
            Api.Response lastfmJson = timed(() -> api.send("POST", "/2.0/", scrobble + "&format=json",
                    "application/x-www-form-urlencoded"));
            assertThat(lastfmJson.json().path("error").asInt()).isEqualTo(16);

            Api.Response handshake = timed(() -> api.get("/apis/audioscrobbler/?hs=true&p=1.2.1&c=tst&v=1.0&u="
                    + user.username() + "&t=" + System.currentTimeMillis() / 1000 + "&a=0123456789abcdef0123456789abcdef"));
            assertThat(handshake.status()).as(handshake.body()).isEqualTo(503);
            assertThat(handshake.body()).startsWith("FAILED ");
            Api.Response submission = timed(() -> api.send("POST", "/apis/audioscrobbler/submissions",
                    "s=0123456789abcdef&a[0]=A&t[0]=T&i[0]=1700000000&o[0]=P&l[0]=200", "application/x-www-form-urlencoded"));
            assertThat(submission.body()).startsWith("FAILED ");
            assertThat(submission.header("Retry-After")).isEqualTo("5");

            assertEveryRouteAnswersInTime(app, api, user.accessToken(), apiToken);

            for (String path : List.of("/health", "/health/ready", "/health/db")) {
                Api.Response health = timed(() -> api.get(path));
                assertThat(health.status()).as(path).isEqualTo(503);
                assertThat(health.json().path("status").asString()).as(path).isEqualTo("DOWN");
            }
            JsonNode db = api.get("/health/db").json().path("details");
            assertThat(db.path("reason").asString()).isNotBlank();
            assertThat(db.path("last_success").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(timed(() -> api.get("/health/live")).status()).isEqualTo(200);

            proxy.restore();

            // the very next request succeeds, in each protocol, no waiting for readiness and no restart: the pool
            // is empty after the outage and Hikari's own retry may still be asleep (up to 5 s), so the request
            // connects directly (RecoveringDataSource)
            Api.Response after = timed(() -> user.api().post("/api/v1/listens", listen("After Outage")));
            assertThat(after.status()).as(after.body()).isEqualTo(201);
            Api.Response lbAfter = timed(() -> api.auth("Token " + apiToken).post("/1/submit-listens",
                    "{\"listen_type\":\"single\",\"payload\":[{\"listened_at\":1700000100,\"track_metadata\":"
                            + "{\"artist_name\":\"Outage Artist\",\"track_name\":\"After Outage LB\"}}]}"));
            assertThat(lbAfter.status()).as(lbAfter.body()).isEqualTo(200);
            assertThat(lbAfter.json().path("status").asString()).isEqualTo("ok");
            assertThat(storedTracks(user.id())).as("only the listens answered OK are stored, once each")
                    .containsExactlyInAnyOrder("After Outage", "After Outage LB");
            // readiness shows it by itself within the Retry-After clients were given
            long deadline = System.currentTimeMillis() + 15_000;
            while (api.get("/health/ready").status() != 200) {
                assertThat(System.currentTimeMillis()).as("readiness comes back by itself").isLessThan(deadline);
                Thread.sleep(200);
            }

            assertCutMidRequestNeverAnswersOkForAListenNotStored(proxy, user, api.auth("Token " + apiToken));
        }
    }

    /**
     * Submissions go on from four clients (native and ListenBrainz) while the connection to the database is cut under
     * them and restored: whatever was in flight, every listen answered OK is stored exactly once. A listen answered
     * 503 may or may not be stored (the commit can reach the server just before the cut), which is why clients retry
     * and the funnel's duplicate check makes the retry harmless (docs/operations.md).
     */
    private static void assertCutMidRequestNeverAnswersOkForAListenNotStored(TcpProxy proxy, Api.User user, Api lbClient)
            throws Exception {
        Set<String> answeredOk = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean go = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong restoredAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        java.util.concurrent.atomic.AtomicInteger okAfterRestore = new java.util.concurrent.atomic.AtomicInteger();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; go.get() && i < 100_000; i++) {
                        String track = "Mid " + client + "-" + i;
                        long at = 1_700_100_000L + client * 1_000_000L + i;
                        long sent = System.nanoTime();
                        Api.Response r = client % 2 == 0
                                ? user.api().post("/api/v1/listens", Map.of("artist", "Outage Artist", "track", track,
                                        "listened_at", at))
                                : lbClient.post("/1/submit-listens", "{\"listen_type\":\"single\",\"payload\":[{"
                                        + "\"listened_at\":" + at + ",\"track_metadata\":{\"artist_name\":"
                                        + "\"Outage Artist\",\"track_name\":\"" + track + "\"}}]}");
                        if (r.status() == 200 || r.status() == 201) {
                            answeredOk.add(track);
                            if (sent > restoredAt.get()) {
                                okAfterRestore.incrementAndGet();
                            }
                        } else if (r.status() == 503 && r.header("Retry-After") != null) {
                            refused.incrementAndGet();
                        } else {
                            wrong.add(track + ": " + r.status() + " " + r.body());
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(400);
            proxy.cut();
            Thread.sleep(1_500);
            proxy.restore();
            restoredAt.set(System.nanoTime());
            // requests sent just before the restore may still be failing over (a loaded CI machine took > 600 ms);
            // the clients go on until one sent after the restore is accepted, or 15 s pass
            long deadline = System.currentTimeMillis() + 15_000;
            Thread.sleep(600);
            while (okAfterRestore.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            go.set(false);
        }
        assertThat(wrong).as("answers other than OK or 503 + Retry-After").isEmpty();
        assertThat(refused.get()).as("the cut was felt").isPositive();
        List<String> stored = storedTracks(user.id()).stream().filter(t -> t.startsWith("Mid ")).toList();
        assertThat(stored).as("no listen stored twice").doesNotHaveDuplicates();
        assertThat(stored).as("every listen answered OK is stored").containsAll(answeredOk);
        assertThat(okAfterRestore.get()).as("submissions sent after the restore were accepted").isPositive();
    }

    /** Asks every registered route (each method, anonymous, with a JWT and with an API token) at once. */
    private static void assertEveryRouteAnswersInTime(TestApps.App app, Api api, String jwt, String apiToken)
            throws Exception {
        Set<String> calls = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : app.context().getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replaceAll("\\{\\*?[^{}:]+(:([^{}]|\\{[^}]*})*)?}", "1").replace("/**", "/x").replace("*", "x");
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                        calls.add(m.name() + " " + path);
                    }
                }
            });
        }
        assertThat(calls).as("the walk found the route families").anyMatch(c -> c.contains("/api/v1/listens"))
                .anyMatch(c -> c.contains("/1/submit-listens")).anyMatch(c -> c.contains("/2.0"))
                .anyMatch(c -> c.contains("/apis/audioscrobbler")).anyMatch(c -> c.contains("/actuator"));
        Map<String, Api> clients = Map.of("anonymous", api, "jwt", api.bearer(jwt), "api token", api.auth("Token " + apiToken));
        List<String> failures = new ArrayList<>();
        // side by side, but not hundreds of connections at once: the CI machine is small
        Semaphore inFlight = new Semaphore(8);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<String>> answers = new LinkedHashMap<>();
            for (String call : calls) {
                String method = call.substring(0, call.indexOf(' '));
                String path = call.substring(call.indexOf(' ') + 1);
                clients.forEach((who, client) -> answers.put(call + " (" + who + ")", pool.submit(() -> {
                    inFlight.acquire();
                    long start = System.nanoTime();
                    Api.Response r;
                    try {
                        r = client.send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                                method.equals("GET") || method.equals("DELETE") ? null : "application/json");
                    } finally {
                        inFlight.release();
                    }
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (ms > ANSWER_WITHIN_MS) {
                        return "took " + ms + " ms";
                    }
                    if (SPRING_DEFAULT_BODY.matcher(r.body()).find() || r.status() == 502) {
                        return r.status() + " " + r.body();
                    }
                    // an empty "{}" may still hit a 500 in its own format (null bodies → 400 is another issue's);
                    // what this test rules out is a database failure answered as a 500 in Spring's body
                    if (r.status() == 500 && r.body().contains("DATABASE")) {
                        return r.status() + " " + r.body();
                    }
                    if (r.status() == 503 && r.header("Retry-After") == null && !path.startsWith("/health")
                            && !path.startsWith("/actuator/health")) {
                        return "503 without Retry-After: " + r.body();
                    }
                    return null;
                })));
            }
            for (Map.Entry<String, Future<String>> answer : answers.entrySet()) {
                String problem = answer.getValue().get();
                if (problem != null) {
                    failures.add(answer.getKey() + ": " + problem);
                }
            }
        }
        assertThat(failures).as("routes answering late or in Spring's default body").isEmpty();
    }

    private static Map<String, Object> listen(String track) {
        return Map.of("artist", "Outage Artist", "track", track, "listened_at", 1_700_000_000L);
    }

    private static Api.Response timed(java.util.function.Supplier<Api.Response> call) {
        long start = System.nanoTime();
        Api.Response r = call.get();
        assertThat((System.nanoTime() - start) / 1_000_000).as("answered within 5 s").isLessThan(ANSWER_WITHIN_MS);
        return r;
    }

    private static List<String> storedTracks(long userId) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(
                        "select t.title from listens l join tracks t on t.id = l.track_id where l.user_id = ?")) {
            s.setLong(1, userId);
            List<String> titles = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    titles.add(rs.getString(1));
                }
            }
            return titles;
        }
    }
}
