package org.tonearm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TcpProxy;
import org.tonearm.testsupport.TestApps;
import org.tonearm.testsupport.TestDatabase;
import org.tonearm.testsupport.TestRedis;
import org.tonearm.web.internal.live.LiveUpdates;

/**
 * Live updates across nodes through Redis pub/sub (docs/web.md#live-updates): a node's dashboards are told of a
 * change published by another node within the second, this node's changes are published for the others, and
 * with Redis gone a node's own dashboards still update. Real Redis (127.0.0.1:6379), a real SSE stream of a web
 * session, read as the browser reads it. Independent of the database: runs once, in the SQLite run.
 */
class LiveUpdatesRedisIntegrationTests {

    private static final String PREFIX = "tonearm-test-" + UUID.randomUUID() + ":";
    private static RedisClient redis;

    @BeforeAll
    static void requireRedis() {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "independent of the database: runs in the SQLite run");
        TestRedis.require();
        redis = RedisClient.create("redis://127.0.0.1:6379");
    }

    @AfterAll
    static void close() {
        if (redis != null) {
            redis.shutdown();
        }
    }

    @Test
    void aChangeOnAnotherNodeReachesThisNodesDashboardsAndThisNodesChangesAreTold() throws Exception {
        try (TestApps.App app = TestApps.start(Map.of("tonearm.redis.url", "redis://127.0.0.1:6379",
                        "tonearm.redis.key-prefix", PREFIX));
                var published = redis.connectPubSub();
                var publisher = redis.connect()) {
            BlockingQueue<String> told = new LinkedBlockingQueue<>();
            published.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    told.add(message);
                }
            });
            published.sync().subscribe(PREFIX + "live");
            Api.User ann = app.api().newUser();
            Api.User bob = app.api().newUser();
            LiveUpdates live = app.context().getBean(LiveUpdates.class);
            Stream stream = Stream.open(app, ann);
            await(() -> live.openStreams(ann.id()) == 1 && live.receivesOtherNodes(), Duration.ofSeconds(10));

            // another node (this Redis connection speaks as one) tells of a new listen of Ann's
            publisher.sync().publish(PREFIX + "live", "node-b " + ann.id() + " listens");
            assertThat(stream.next(Duration.ofSeconds(1))).as("within the issue's second").isEqualTo("listens");
            // another user's change and a message that is no notification reach no stream of Ann's
            publisher.sync().publish(PREFIX + "live", "node-b " + bob.id() + " listens");
            publisher.sync().publish(PREFIX + "live", "node-b " + ann.id() + " <script>");
            publisher.sync().publish(PREFIX + "live", "garbage");
            assertThat(stream.next(Duration.ofMillis(700))).isNull();
            told.clear();

            // a scrobble on this node: its own dashboards told once (not again through Redis), the others through Redis
            scrobble(ann, "Here");
            assertThat(stream.next(Duration.ofSeconds(1))).isEqualTo("listens");
            String message = told.poll(1, TimeUnit.SECONDS);
            assertThat(message).matches("\\S+ " + ann.id() + " listens");
            assertThat(stream.next(Duration.ofMillis(700))).as("its own message is not delivered twice").isNull();
            // now playing goes the same way
            Api.Response np = ann.api().send("PUT", "/api/v1/now-playing", "{\"artist\":\"A\",\"track\":\"Now\"}",
                    "application/json");
            assertThat(np.status()).as(np.body()).isEqualTo(200);
            assertThat(stream.next(Duration.ofSeconds(1))).isEqualTo("nowplaying");
            assertThat(told.poll(1, TimeUnit.SECONDS)).matches("\\S+ " + ann.id() + " nowplaying");

            // the node shuts down with the dashboard still open: the stream ends at once instead of holding the
            // graceful shutdown for its whole 30 s (a restart with any dashboard open would take that long)
            long closing = System.nanoTime();
            app.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("graceful shutdown with a stream open")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(stream.next(Duration.ofSeconds(2))).as("the stream was ended by the server").isEqualTo(Stream.END);
            stream.close();
        }
    }

    @Test
    void withRedisGoneANodesOwnDashboardsStillUpdateAndOthersReachItAgainOnceRedisIsBack() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 6379);
                TestApps.App app = TestApps.start(Map.of("tonearm.redis.url", "redis://127.0.0.1:" + proxy.port(),
                        "tonearm.redis.key-prefix", PREFIX, "tonearm.redis.timeout", "500ms"));
                var publisher = redis.connect()) {
            Api.User ann = app.api().newUser();
            LiveUpdates live = app.context().getBean(LiveUpdates.class);
            // the stream is closed before the app, also when an assertion fails: an app closed with a dashboard's
            // stream still open waited for the stream's 30-minute timeout in one CI run (2026-12-07)
            try (Stream stream = Stream.open(app, ann)) {
                await(() -> live.openStreams(ann.id()) == 1 && live.receivesOtherNodes(), Duration.ofSeconds(20));
                redisComesAndGoes(proxy, publisher, ann, live, stream);
            }
        }
    }

    private static void redisComesAndGoes(TcpProxy proxy,
            StatefulRedisConnection<String, String> publisher, Api.User ann, LiveUpdates live,
            Stream stream) throws Exception {
        proxy.cut();
        await(() -> !live.receivesOtherNodes(), Duration.ofSeconds(5));
        long start = System.nanoTime();
        scrobble(ann, "While Redis is gone");
        assertThat(stream.next(Duration.ofSeconds(1))).isEqualTo("listens");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

        proxy.restore();
        // Lettuce reconnects (1 s cap) and subscribes the channel again by itself; the connection is open a moment
        // before its SUBSCRIBE is answered, so another node's message is sent until one gets through
        await(live::receivesOtherNodes, Duration.ofSeconds(10));
        String event = null;
        for (int i = 0; i < 20 && event == null; i++) {
            publisher.sync().publish(PREFIX + "live", "node-b " + ann.id() + " listens");
            event = stream.next(Duration.ofMillis(500));
        }
        assertThat(event).as("another node's change reaches this node again").isEqualTo("listens");
    }

    private static void scrobble(Api.User user, String track) {
        Api.Response r = user.api().post("/api/v1/listens", Map.of("artist", "A", "track", track,
                "listened_at", Instant.now().getEpochSecond()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + within).isLessThan(end);
            Thread.sleep(50);
        }
    }

    /** The dashboard's event stream of a web session (form login + CSRF), its event names as they arrive. */
    private record Stream(BlockingQueue<String> events, HttpClient http) implements AutoCloseable {

        /** Put in the queue when the server ends the stream. */
        static final String END = "(end of stream)";

        static Stream open(TestApps.App app, Api.User user) throws Exception {
            String base = "http://127.0.0.1:" + app.context().getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            String form = "login=" + user.username() + "&password="
                    + URLEncoder.encode("correct horse battery " + user.username(), StandardCharsets.UTF_8)
                    + "&_csrf=" + csrf.group(1);
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/ui/dashboard/events"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> {
                        response.body().forEach(line -> {
                            if (line.startsWith("event:")) {
                                events.add(line.substring("event:".length()).strip());
                            }
                        });
                        events.add(END);
                    });
            return new Stream(events, http);
        }

        /** The next event's name, or null when none came within {@code wait}. */
        String next(Duration wait) throws InterruptedException {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            http.shutdownNow();
        }
    }
}
