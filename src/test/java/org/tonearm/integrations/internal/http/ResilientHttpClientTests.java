package org.tonearm.integrations.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tonearm.integrations.ExternalRequest;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.ExternalServiceException.Reason;
import org.tonearm.integrations.ExternalServiceStatus;
import org.tonearm.integrations.internal.IntegrationsProperties;
import tools.jackson.databind.JsonNode;

/**
 * The resilient client against WireMock fakes answering like the real services (their paths, JSON bodies, error
 * bodies and headers). Timings are shortened (breaker wait 1 s, backoff 10 ms, Retry-After bound 2 s, read
 * timeout 300 ms in the timeout test) so the behaviour, not the defaults, is what takes time.
 */
class ResilientHttpClientTests {

    private static final Duration OPEN_FOR = Duration.ofSeconds(1);
    private static final String MBID = "a74b1b7f-71a5-4011-9441-d0b5e4122711";
    private static final String ARTIST_JSON = """
            {"id":"a74b1b7f-71a5-4011-9441-d0b5e4122711","name":"Radiohead","sort-name":"Radiohead",
             "type":"Group","country":"GB","life-span":{"begin":"1991","ended":false}}""";
    private static final String LISTENBRAINZ_500 = """
            {"code": 500, "error": "An unknown error occurred."}""";
    private static final String SPOTIFY_429 = """
            {"error": {"status": 429, "message": "API rate limit exceeded"}}""";

    @RegisterExtension
    static WireMockExtension fake = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private ResilientHttpClient client;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void newClient() {
        client = client(20, Duration.ofSeconds(5));
    }

    /**
     * A generous read timeout by default: the machine running the suite may be busy (the first calls also warm up
     * WireMock and the JIT), and only the timeout test is about timeouts.
     */
    private ResilientHttpClient client(int maxConcurrentCalls, Duration readTimeout) {
        URI base = URI.create(fake.baseUrl());
        Map<String, IntegrationsProperties.Service> services = Map.of(
                "musicbrainz", new IntegrationsProperties.Service(base, 100),
                "listenbrainz", new IntegrationsProperties.Service(base, null),
                "spotify", new IntegrationsProperties.Service(base, null));
        IntegrationsProperties properties = new IntegrationsProperties("mailto:ops@example.org",
                Duration.ofSeconds(2), readTimeout, 3, Duration.ofMillis(10), Duration.ofSeconds(2), 5,
                OPEN_FOR, maxConcurrentCalls, Duration.ZERO, Duration.ofSeconds(1), services);
        ResilientHttpClient c = new ResilientHttpClient(properties, "1.2.3", Clock.systemUTC());
        meters = new SimpleMeterRegistry();
        c.bindMetrics(meters);
        return c;
    }

    private JsonNode artist() {
        return client.exchange(ExternalService.MUSICBRAINZ,
                ExternalRequest.get("/ws/2/artist/{mbid}?fmt=json", MBID), JsonNode.class);
    }

    private ExternalServiceException failure(Runnable call) {
        return catchThrowableOfType(ExternalServiceException.class, call::run);
    }

    private ExternalServiceStatus status(ExternalService service) {
        return client.statuses().stream().filter(s -> s.service() == service).findFirst().orElseThrow();
    }

    @Test
    void aBurstOf5xxIsRetriedAndTheCallSucceedsOnceTheServiceRecovers() {
        fake.stubFor(get(urlPathEqualTo("/ws/2/artist/" + MBID)).inScenario("burst")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)
                        .withBody("<html><body>503 Service Temporarily Unavailable</body></html>"))
                .willSetStateTo("second"));
        fake.stubFor(get(urlPathEqualTo("/ws/2/artist/" + MBID)).inScenario("burst").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        fake.stubFor(get(urlPathEqualTo("/ws/2/artist/" + MBID)).inScenario("burst").whenScenarioStateIs("up")
                .willReturn(okJson(ARTIST_JSON)));

        JsonNode artist = artist();

        assertThat(artist.path("country").asString()).isEqualTo("GB");
        fake.verify(3, getRequestedFor(urlPathEqualTo("/ws/2/artist/" + MBID))
                .withQueryParam("fmt", equalTo("json"))
                .withHeader("User-Agent", equalTo("Tonearm/1.2.3 (+mailto:ops@example.org)")));
        assertThat(status(ExternalService.MUSICBRAINZ).state()).isEqualTo("CLOSED");
        assertThat(meters.get("resilience4j.retry.calls").tags("name", "musicbrainz", "kind", "successful_with_retry")
                .functionCounter().count()).isEqualTo(1);
    }

    @Test
    void fiveConsecutiveFailuresOpenTheBreakerAndOneTrialCallAfterTheWaitClosesIt() throws Exception {
        fake.stubFor(get(urlPathEqualTo("/1/user/alice/listens"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(LISTENBRAINZ_500)));
        ExternalRequest listens = ExternalRequest.get("/1/user/{user}/listens?count=100", "alice");

        ExternalServiceException first = failure(() -> client.exchange(ExternalService.LISTENBRAINZ, listens, JsonNode.class));
        assertThat(first.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(first.upstreamStatus()).isEqualTo(500);
        assertThat(first.status()).isEqualTo(502);
        assertThat(status(ExternalService.LISTENBRAINZ).state()).isEqualTo("CLOSED"); // 3 failures so far
        // attempts 4 and 5 fail; the 5th opens the breaker, so the 3rd retry is not even sent
        ExternalServiceException second = failure(() -> client.exchange(ExternalService.LISTENBRAINZ, listens, JsonNode.class));
        assertThat(second.reason()).isEqualTo(Reason.CIRCUIT_OPEN);
        Instant openedBy = Instant.now();
        ExternalServiceStatus open = status(ExternalService.LISTENBRAINZ);
        assertThat(open.state()).isEqualTo("OPEN");
        assertThat(open.since()).isBefore(openedBy.plusMillis(1));
        assertThat(open.trialAfter()).isEqualTo(open.since().plus(OPEN_FOR));
        assertThat(open.failedCalls()).isEqualTo(5);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "listenbrainz", "state", "open")
                .gauge().value()).isEqualTo(1);
        // while open nothing reaches the service, and other services are unaffected
        ExternalServiceException refused = failure(() -> client.exchange(ExternalService.LISTENBRAINZ, listens, JsonNode.class));
        assertThat(refused.reason()).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(OPEN_FOR);
        fake.verify(5, getRequestedFor(urlPathEqualTo("/1/user/alice/listens")));
        assertThat(status(ExternalService.MUSICBRAINZ).state()).isEqualTo("CLOSED");

        fake.stubFor(get(urlPathEqualTo("/1/user/alice/listens"))
                .willReturn(okJson("{\"payload\":{\"count\":0,\"listens\":[],\"user_id\":\"alice\"}}")));
        Thread.sleep(OPEN_FOR.minusMillis(300).toMillis());
        assertThat(status(ExternalService.LISTENBRAINZ).state()).isEqualTo("OPEN"); // not before the wait is over
        waitFor("HALF_OPEN", Duration.ofSeconds(3));
        // "since" is taken in the transition listener, a moment after Resilience4j's own timestamp: allow 50 ms
        assertThat(Duration.between(open.since(), status(ExternalService.LISTENBRAINZ).since()))
                .isGreaterThanOrEqualTo(OPEN_FOR.minusMillis(50));

        JsonNode page = client.exchange(ExternalService.LISTENBRAINZ, listens, JsonNode.class);

        assertThat(page.path("payload").path("user_id").asString()).isEqualTo("alice");
        assertThat(status(ExternalService.LISTENBRAINZ).state()).isEqualTo("CLOSED");
        assertThat(status(ExternalService.LISTENBRAINZ).notPermittedCalls()).isEqualTo(2);
    }

    @Test
    void fourFailuresAndASuccessDoNotOpenTheBreakerOnlyFiveInARowDo() {
        fake.stubFor(post(urlPathEqualTo("/1/submit-listens")).willReturn(aResponse().withStatus(503)));
        fake.stubFor(get(urlPathEqualTo("/1/validate-token"))
                .willReturn(okJson("{\"code\":200,\"message\":\"Token valid.\",\"valid\":true,\"user_name\":\"alice\"}")));
        ExternalRequest submit = ExternalRequest.post("/1/submit-listens", Map.of("listen_type", "single"));

        for (int i = 0; i < 4; i++) {
            failure(() -> client.exchange(ExternalService.LISTENBRAINZ, submit, JsonNode.class));
        }
        client.exchange(ExternalService.LISTENBRAINZ, ExternalRequest.get("/1/validate-token"), JsonNode.class);
        for (int i = 0; i < 4; i++) {
            failure(() -> client.exchange(ExternalService.LISTENBRAINZ, submit, JsonNode.class));
        }
        assertThat(status(ExternalService.LISTENBRAINZ).state()).isEqualTo("CLOSED");

        failure(() -> client.exchange(ExternalService.LISTENBRAINZ, submit, JsonNode.class));

        assertThat(status(ExternalService.LISTENBRAINZ).state()).isEqualTo("OPEN");
    }

    @Test
    void aReadTimeoutIsAFailureTheBreakerCounts() {
        client = client(20, Duration.ofMillis(300));
        fake.stubFor(get(urlPathEqualTo("/ws/2/artist/" + MBID)).willReturn(okJson(ARTIST_JSON).withFixedDelay(1500)));
        long started = System.nanoTime();

        ExternalServiceException e = failure(this::artist);

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.getMessage()).contains("musicbrainz did not answer in time");
        // 3 × 300 ms + backoff, not 3 × the 1.5 s the fake takes (margin for a busy machine)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
        fake.verify(3, getRequestedFor(urlPathEqualTo("/ws/2/artist/" + MBID)));
        assertThat(status(ExternalService.MUSICBRAINZ).failedCalls()).isEqualTo(3);
    }

    @Test
    void a429WithRetryAfterMakesTheRetryWaitThatLong() {
        fake.stubFor(get(urlPathEqualTo("/v1/me/player/recently-played")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody(SPOTIFY_429))
                .willSetStateTo("ok"));
        fake.stubFor(get(urlPathEqualTo("/v1/me/player/recently-played")).inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"items\":[],\"next\":null,\"cursors\":null,\"limit\":50}")));
        long started = System.nanoTime();

        JsonNode page = client.exchange(ExternalService.SPOTIFY,
                ExternalRequest.get("/v1/me/player/recently-played?limit=50").header("Authorization", "Bearer t"),
                JsonNode.class);

        assertThat(page.path("limit").asInt()).isEqualTo(50);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        fake.verify(2, getRequestedFor(urlPathEqualTo("/v1/me/player/recently-played"))
                .withHeader("Authorization", equalTo("Bearer t")));
    }

    @Test
    void afterA429EveryNextCallToThatServiceWaitsTheRetryAfter() {
        fake.stubFor(post(urlPathEqualTo("/v1/me/player/queue")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "1").withHeader("Content-Type", "application/json").withBody(SPOTIFY_429)));
        fake.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(okJson("{\"id\":\"alice\",\"display_name\":\"Alice\"}")));

        ExternalServiceException limited = failure(() -> client.exchange(ExternalService.SPOTIFY,
                ExternalRequest.post("/v1/me/player/queue?uri={uri}", null, "spotify:track:1"), Void.class));
        long limitedAt = System.nanoTime();
        assertThat(limited.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(status(ExternalService.SPOTIFY).rateLimitedUntil()).isNotNull();

        JsonNode me = client.exchange(ExternalService.SPOTIFY, ExternalRequest.get("/v1/me"), JsonNode.class);

        assertThat(me.path("id").asString()).isEqualTo("alice");
        assertThat(Duration.ofNanos(System.nanoTime() - limitedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        fake.verify(1, postRequestedFor(urlPathEqualTo("/v1/me/player/queue"))); // a POST is not retried
    }

    @Test
    void aRetryAfterBeyondTheBoundFailsFastWithAClearErrorUntilItHasPassed() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().plusSeconds(120).atOffset(ZoneOffset.UTC));
        fake.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", inTwoMinutes).withHeader("Content-Type", "application/json")
                .withBody(SPOTIFY_429)));
        long started = System.nanoTime();

        ExternalServiceException e = failure(() -> client.exchange(ExternalService.SPOTIFY, ExternalRequest.get("/v1/me"),
                JsonNode.class));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(115), Duration.ofSeconds(120));
        assertThat(e.getMessage()).contains("spotify is rate limiting Tonearm").contains("longer than the 2 s");
        ExternalServiceException next = failure(() -> client.exchange(ExternalService.SPOTIFY, ExternalRequest.get("/v1/me"),
                JsonNode.class));
        assertThat(next.reason()).isEqualTo(Reason.RATE_LIMITED);
        fake.verify(1, getRequestedFor(urlPathEqualTo("/v1/me"))); // neither retried nor sent again
        assertThat(status(ExternalService.SPOTIFY).state()).isEqualTo("CLOSED"); // rate limiting is not an outage
    }

    @Test
    void malformedJsonIsAClearExternalServiceErrorAndNotRetried() {
        fake.stubFor(get(urlPathEqualTo("/ws/2/artist/" + MBID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + MBID + "\",\"name\":\"Radioh")));

        ExternalServiceException e = failure(this::artist);

        assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE);
        assertThat(e.code().name()).isEqualTo("EXTERNAL_SERVICE_ERROR");
        assertThat(e.getMessage()).startsWith("musicbrainz answered with a body Tonearm cannot read");
        fake.verify(1, getRequestedFor(urlPathEqualTo("/ws/2/artist/" + MBID)));
        assertThat(status(ExternalService.MUSICBRAINZ).failedCalls()).isZero();
    }

    @Test
    void aPostIsNotRetriedUnlessTheCallerMarksItIdempotent() {
        fake.stubFor(post(urlPathEqualTo("/1/submit-listens")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody(LISTENBRAINZ_500)));
        ExternalRequest submit = ExternalRequest.post("/1/submit-listens", Map.of("listen_type", "single"))
                .header("Authorization", "Token abc");

        assertThat(failure(() -> client.exchange(ExternalService.LISTENBRAINZ, submit, JsonNode.class)).reason())
                .isEqualTo(Reason.UNAVAILABLE);
        fake.verify(1, postRequestedFor(urlPathEqualTo("/1/submit-listens"))
                .withHeader("Content-Type", matching("application/json.*")));

        failure(() -> client.exchange(ExternalService.LISTENBRAINZ, submit.idempotent(), JsonNode.class));
        fake.verify(1 + 3, postRequestedFor(urlPathEqualTo("/1/submit-listens")));
    }

    @Test
    void aRejectionIsNotRetriedAndDoesNotCountAgainstTheService() {
        fake.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}")));

        ExternalServiceException e = failure(() -> client.exchange(ExternalService.SPOTIFY, ExternalRequest.get("/v1/me"),
                JsonNode.class));

        assertThat(e.reason()).isEqualTo(Reason.REJECTED);
        assertThat(e.upstreamStatus()).isEqualTo(401);
        fake.verify(1, getRequestedFor(urlPathEqualTo("/v1/me")));
        assertThat(status(ExternalService.SPOTIFY).failedCalls()).isZero();
    }

    @Test
    void theBulkheadLetsOnlyTheConfiguredNumberOfCallsInFlight() throws Exception {
        client = client(2, Duration.ofSeconds(5));
        fake.stubFor(get(urlPathEqualTo("/ws/2/artist/" + MBID)).willReturn(okJson(ARTIST_JSON).withFixedDelay(1000)));
        List<Future<JsonNode>> inFlight = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2; i++) {
                inFlight.add(threads.submit(this::artist));
            }
            waitUntilReceived(2);

            ExternalServiceException busy = failure(this::artist);

            assertThat(busy.reason()).isEqualTo(Reason.BUSY);
            assertThat(busy.getMessage()).contains("Already 2 calls to musicbrainz in flight");
            for (Future<JsonNode> call : inFlight) {
                assertThat(call.get().path("name").asString()).isEqualTo("Radiohead");
            }
        }
        fake.verify(2, getRequestedFor(urlPathEqualTo("/ws/2/artist/" + MBID)));
        assertThat(artist().path("name").asString()).isEqualTo("Radiohead"); // slots are given back
    }

    private void waitUntilReceived(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fake.getAllServeEvents().size() < requests && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(fake.getAllServeEvents()).hasSize(requests);
    }

    private void waitFor(String state, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!status(ExternalService.LISTENBRAINZ).state().equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(status(ExternalService.LISTENBRAINZ).state()).isEqualTo(state);
    }
}
