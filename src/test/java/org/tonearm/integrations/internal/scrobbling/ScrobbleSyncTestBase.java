package org.tonearm.integrations.internal.scrobbling;

import static org.tonearm.schema.Tables.LISTENS;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.internal.http.ResilientHttpClient;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The application against one WireMock server playing both Last.fm and ListenBrainz (their paths do not overlap:
 * {@code /2.0/} and {@code /1/…}), with short timings (breaker open 1 s, backoff 10 ms, read timeout 1 s, outbox
 * backoff 50 ms to 400 ms, in-flight lease 1 s, a failed sync retried after 1 s) and ListenBrainz pages of 25 listens
 * so the behaviour, not the defaults, takes the time. The background
 * scheduler and sender are off: tests run "sync now" through the API and one sender pass at a time, so every step is
 * deterministic. All classes extending this share one context.
 */
public abstract class ScrobbleSyncTestBase extends IntegrationTestBase {

    /** Answers ListenBrainz's listens from what a test puts in it, once {@link FakeListenBrainz#stub} routed them. */
    protected static final FakeListenBrainz listenBrainz = new FakeListenBrainz();

    protected static final WireMockServer fake = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .extensions(listenBrainz));

    static {
        fake.start();
        listenBrainz.warmUp(fake);
    }

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("tonearm.integrations.lastfm.api-key", () -> "test-api-key");
        registry.add("tonearm.integrations.lastfm.api-secret", () -> "test-secret");
        registry.add("tonearm.integrations.lastfm.api-base-url", fake::baseUrl);
        registry.add("tonearm.integrations.listenbrainz.api-base-url", fake::baseUrl);
        registry.add("tonearm.integrations.breaker-open-for", () -> "1s");
        registry.add("tonearm.integrations.retry-backoff", () -> "10ms");
        registry.add("tonearm.integrations.read-timeout", () -> "1s");
        registry.add("tonearm.integrations.max-retry-after", () -> "3s");
        registry.add("tonearm.integrations.connections.enabled", () -> "false");
        registry.add("tonearm.integrations.outbox.enabled", () -> "false");
        registry.add("tonearm.integrations.outbox.backoff-base", () -> "50ms");
        registry.add("tonearm.integrations.outbox.backoff-cap", () -> "400ms");
        registry.add("tonearm.integrations.outbox.in-flight-lease", () -> "1s");
        registry.add("tonearm.integrations.pull.look-back", () -> "1h");
        registry.add("tonearm.integrations.listenbrainz.page-size", () -> "25");
        registry.add("tonearm.integrations.connections.retry-after-error", () -> "1s");
    }

    @Autowired
    protected ResilientHttpClient http;

    @Autowired
    protected OutboxSender sender;

    @BeforeEach
    void cleanFake() {
        fake.resetAll();
        listenBrainz.reset();
        http.circuitBreaker(ExternalService.LASTFM).reset();
        http.circuitBreaker(ExternalService.LISTENBRAINZ).reset();
    }

    protected long listenCount(Api.User user) {
        return database.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(user.id()));
    }

    protected static JsonNode connection(Api.User user, String service) {
        var r = user.api().get("/api/v1/connections/" + service);
        if (r.status() != 200) {
            throw new AssertionError("GET connection: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    protected static JsonNode syncNow(Api.User user, String service) {
        return user.api().post("/api/v1/connections/" + service + "/sync", null).json();
    }

    /** Sync now until the backfill is done (phase mirror), at most {@code steps} times. */
    protected static JsonNode syncUntilMirroring(Api.User user, String service, int steps) {
        JsonNode view = null;
        for (int i = 0; i < steps; i++) {
            view = syncNow(user, service);
            if ("mirror".equals(view.path("backfill").path("phase").asString(""))) {
                return view;
            }
        }
        throw new AssertionError("still backfilling after " + steps + " steps: " + view);
    }

    protected static void await(Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + atMost);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** {@code count} plays, newest first, one every 3 minutes before {@code newestUts}. */
    protected static List<ScrobbleFakes.Play> plays(String prefix, int count, long newestUts) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new ScrobbleFakes.Play(newestUts - 180L * i, prefix + " Artist " + (i % 7),
                        prefix + " Track " + i)).toList();
    }
}
