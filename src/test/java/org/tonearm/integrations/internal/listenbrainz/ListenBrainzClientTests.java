package org.tonearm.integrations.internal.listenbrainz;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tonearm.integrations.internal.scrobbling.ScrobbleFakes.fixture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tonearm.integrations.internal.IntegrationsProperties;
import org.tonearm.integrations.internal.http.ResilientHttpClient;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure.Kind;

/** The ListenBrainz client against a fake answering with ListenBrainz's own JSON, headers and error bodies. */
class ListenBrainzClientTests {

    @RegisterExtension
    static WireMockExtension fake = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private ListenBrainzClient client;

    @BeforeEach
    void newClient() {
        IntegrationsProperties properties = new IntegrationsProperties(null, Duration.ofSeconds(2),
                Duration.ofSeconds(5), 3, Duration.ofMillis(10), Duration.ofSeconds(5), 5, Duration.ofSeconds(1), 20,
                Duration.ZERO, Duration.ofSeconds(1),
                Map.of("listenbrainz", new IntegrationsProperties.Service(URI.create(fake.baseUrl()), 1000)));
        client = new ListenBrainzClient(new ResilientHttpClient(properties, "test", Clock.systemUTC()),
                new ListenBrainzProperties(null, null));
    }

    @Test
    void readsAPageOfListensWithTheirIdentifiers() {
        fake.stubFor(get(urlPathEqualTo("/1/user/rob/listens")).willReturn(okJson(fixture("listenbrainz/listens-page.json"))));

        var listens = client.listens("rob", 1764000001L, null, "tok").listens();

        assertThat(listens).extracting(ListensPage.RemoteListen::track).containsExactly("Airbag", "Roads");
        var airbag = listens.get(0);
        assertThat(airbag.listenedAt()).isEqualTo(1764000000L);
        assertThat(airbag.recordingMbid()).isEqualTo("2b6ad0ad-1e55-4f88-8a44-1bc5c2ad8b7e");
        assertThat(airbag.releaseMbid()).isEqualTo("0b6b4ba0-d36f-47bd-b4ea-6a5b91842d29"); // from mbid_mapping
        assertThat(airbag.spotifyId()).isEqualTo("6QlJ3ABGGJ3oSlDbbXAMR6");
        assertThat(airbag.durationMs()).isEqualTo(284000L);
        assertThat(airbag.musicService()).isEqualTo("spotify.com");
        assertThat(listens.get(1).release()).isNull();
        fake.verify(getRequestedFor(urlPathEqualTo("/1/user/rob/listens")).withQueryParam("max_ts", equalTo("1764000001"))
                .withQueryParam("count", equalTo("1000")).withHeader("Authorization", equalTo("Token tok")));
    }

    @Test
    void validatesATokenAndTellsAnInvalidOne() {
        fake.stubFor(get(urlPathEqualTo("/1/validate-token")).withHeader("Authorization", equalTo("Token good"))
                .willReturn(okJson(fixture("listenbrainz/validate-token-valid.json"))));
        fake.stubFor(get(urlPathEqualTo("/1/validate-token")).withHeader("Authorization", equalTo("Token bad"))
                .willReturn(okJson(fixture("listenbrainz/validate-token-invalid.json"))));

        assertThat(client.validate("good")).isEqualTo("rob");
        assertThat(failure(() -> client.validate("bad")).kind()).isEqualTo(Kind.NEEDS_REAUTH);
    }

    @Test
    void aRevokedTokenNeedsReauthorizationAndAnUnknownUserIsNotFound() {
        fake.stubFor(post(urlPathEqualTo("/1/submit-listens")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("listenbrainz/error-401-invalid-token.json"))));
        fake.stubFor(get(urlPathEqualTo("/1/user/nobody/listens")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(fixture("listenbrainz/error-404-no-user.json"))));

        assertThat(failure(() -> client.submit("old", List.of(listen()))).kind()).isEqualTo(Kind.NEEDS_REAUTH);
        assertThat(failure(() -> client.listens("nobody", null, null, null)).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void waitsOutXRateLimitResetInAndSucceeds() {
        fake.stubFor(get(urlPathEqualTo("/1/user/rob/listens")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "30").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset-In", "1").withBody(fixture("listenbrainz/error-429-too-many.json")))
                .willSetStateTo("open"));
        fake.stubFor(get(urlPathEqualTo("/1/user/rob/listens")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson(fixture("listenbrainz/listens-empty.json"))));

        long started = System.nanoTime();
        assertThat(client.listens("rob", null, null, null).listens()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void submitsAsImportOrSingleAndRetriesA5xxBecauseListenBrainzDeduplicates() {
        fake.stubFor(post(urlPathEqualTo("/1/submit-listens")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        fake.stubFor(post(urlPathEqualTo("/1/submit-listens")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(fixture("listenbrainz/submit-ok.json"))));

        client.submit("tok", List.of(listen(), listen()));
        client.submit("tok", List.of(listen()));

        fake.verify(2, postRequestedFor(urlPathEqualTo("/1/submit-listens"))
                .withRequestBody(equalToJson("{\"listen_type\":\"import\"}", true, true)));
        fake.verify(1, postRequestedFor(urlPathEqualTo("/1/submit-listens"))
                .withHeader("Authorization", equalTo("Token tok"))
                .withRequestBody(equalToJson("{\"listen_type\":\"single\"}", true, true)));
    }

    private static Map<String, Object> listen() {
        return Map.of("listened_at", 1764000000L, "track_metadata", Map.of("artist_name", "Radiohead",
                "track_name", "Airbag"));
    }

    private static RemoteFailure failure(Runnable call) {
        return catchThrowableOfType(RemoteFailure.class, call::run);
    }
}
