package org.tonearm.integrations.internal.lastfm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

/** The Last.fm client against a fake answering with Last.fm's own JSON shapes and error bodies. */
class LastFmClientTests {

    @RegisterExtension
    static WireMockExtension fake = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private LastFmClient client;

    @BeforeEach
    void newClient() {
        IntegrationsProperties properties = new IntegrationsProperties(null, Duration.ofSeconds(2),
                Duration.ofSeconds(5), 3, Duration.ofMillis(10), Duration.ofSeconds(2), 5, Duration.ofSeconds(1), 20,
                Duration.ZERO, Duration.ofSeconds(1),
                Map.of("lastfm", new IntegrationsProperties.Service(URI.create(fake.baseUrl()), 1000)));
        client = new LastFmClient(new ResilientHttpClient(properties, "test", Clock.systemUTC()),
                new LastFmProperties("the-api-key", "the-secret", null, null));
    }

    @Test
    void leavesOutTheNowPlayingEntryAndReadsTheRest() {
        fake.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getrecenttracks"))
                .willReturn(okJson(fixture("lastfm/recenttracks-now-playing-on-top.json"))));

        RecentTracksPage page = client.recentTracks("rj", 1, null, 1764000001L);

        assertThat(page.tracks()).extracting(RecentTracksPage.LastFmScrobble::track).containsExactly("Airbag", "Roads");
        assertThat(page.tracks().get(0).uts()).isEqualTo(1764000000L);
        assertThat(page.tracks().get(0).artistMbid()).isEqualTo("a74b1b7f-71a5-4011-9441-d0b5e4122711");
        assertThat(page.tracks().get(0).albumMbid()).isEqualTo("0b6b4ba0-d36f-47bd-b4ea-6a5b91842d29");
        assertThat(page.tracks().get(1).album()).isNull(); // "#text": "" is no album
        assertThat(page.totalPages()).isEqualTo(1);
        assertThat(page.total()).isEqualTo(2);
        fake.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("user", equalTo("rj"))
                .withQueryParam("limit", equalTo("200")).withQueryParam("page", equalTo("1"))
                .withQueryParam("extended", equalTo("0")).withQueryParam("format", equalTo("json"))
                .withQueryParam("api_key", equalTo("the-api-key")).withQueryParam("to", equalTo("1764000001")));
    }

    @Test
    void readsASingleTrackGivenAsAnObjectInsteadOfAnArray() {
        fake.stubFor(get(urlPathEqualTo("/2.0/"))
                .willReturn(okJson(fixture("lastfm/recenttracks-single-track-as-object.json"))));

        assertThat(client.recentTracks("rj", 1, null, null).tracks())
                .extracting(RecentTracksPage.LastFmScrobble::track).containsExactly("Teardrop");
    }

    @Test
    void readsAnEmptyHistory() {
        fake.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(okJson(fixture("lastfm/recenttracks-empty.json"))));

        RecentTracksPage page = client.recentTracks("rj", 1, null, null);

        assertThat(page.tracks()).isEmpty();
        assertThat(page.totalPages()).isZero();
    }

    @Test
    void tellsAnUnknownUserFromARevokedSessionFromARateLimit() {
        fake.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("user", equalTo("nobody"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(fixture("lastfm/error-6-user-not-found.json"))));
        fake.stubFor(post(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("lastfm/error-9-invalid-session-key.json"))));
        fake.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("user", equalTo("busy"))
                .willReturn(okJson(fixture("lastfm/error-29-rate-limit.json"))));

        assertThat(failure(() -> client.recentTracks("nobody", 1, null, null)).kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure(() -> client.scrobble("sk", List.of(scrobble()))).kind()).isEqualTo(Kind.NEEDS_REAUTH);
        RemoteFailure limited = failure(() -> client.recentTracks("busy", 1, null, null));
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.getMessage()).contains("Last.fm error 29");
    }

    @Test
    void retriesABackendFailureAndThenReportsItAsTransient() {
        fake.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(fixture("lastfm/error-8-operation-failed.json"))));

        RemoteFailure f = failure(() -> client.recentTracks("rj", 1, null, null));

        assertThat(f.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(f.getMessage()).contains("Last.fm error 8");
        fake.verify(3, getRequestedFor(urlPathEqualTo("/2.0/"))); // a GET is retried: 3 attempts
    }

    @Test
    void malformedJsonIsTransient() {
        fake.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"recenttracks\":{\"track\":[{\"name\":")));

        assertThat(failure(() -> client.recentTracks("rj", 1, null, null)).kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void signsAScrobbleAsTheAuthSpecSaysAndReadsWhatWasIgnored() {
        fake.stubFor(post(urlPathEqualTo("/2.0/"))
                .willReturn(okJson(fixture("lastfm/scrobble-two-one-ignored-too-old.json"))));

        var outcomes = client.scrobble("sk-1", List.of(scrobble(),
                new LastFmClient.Scrobble("Portishead", "Roads", null, 1500000000L, null, null)));

        assertThat(outcomes).extracting(LastFmClient.ScrobbleOutcome::accepted).containsExactly(true, false);
        assertThat(outcomes.get(1).ignoredCode()).isEqualTo(3);
        assertThat(outcomes.get(1).ignoredMessage()).isEqualTo("Timestamp too old");
        // md5 of the sorted name+value pairs (format left out) followed by the secret
        String expected = md5("album[0]OK Computerapi_keythe-api-keyartist[0]Radioheadartist[1]Portishead"
                + "duration[0]287methodtrack.scrobblesksk-1timestamp[0]1764000000timestamp[1]1500000000"
                + "track[0]Airbagtrack[1]Roadsthe-secret");
        fake.verify(1, postRequestedFor(urlPathEqualTo("/2.0/"))
                .withRequestBody(containing("api_sig=" + expected)).withRequestBody(containing("format=json"))
                .withRequestBody(containing("artist%5B0%5D=Radiohead")));
    }

    @Test
    void theSignatureIsTheDocumentedMd5() {
        // https://www.last.fm/api/authspec §8: api_keyxxxxxxxxmethodauth.getSessiontokenyyyyyy + secret, md5
        assertThat(LastFmSignature.sign(Map.of("method", "auth.getSession", "api_key", "xxxxxxxx", "token", "yyyyyy",
                "format", "json"), "ilovecher")).isEqualTo(md5("api_keyxxxxxxxxmethodauth.getSessiontokenyyyyyyilovecher"));
    }

    @Test
    void aScrobbleIsNeverRetriedByTheClient() {
        fake.stubFor(post(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(503)));

        assertThat(failure(() -> client.scrobble("sk", List.of(scrobble()))).kind()).isEqualTo(Kind.TRANSIENT);
        fake.verify(1, postRequestedFor(urlPathEqualTo("/2.0/")));
    }

    @Test
    void exchangesTheApprovedTokenForASession() {
        fake.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .withQueryParam("token", equalTo("tok")).willReturn(okJson(fixture("lastfm/auth-getsession.json"))));

        assertThat(client.session("tok")).isEqualTo(new LastFmClient.Session("rj", "d580d57f32848f5dcf574d1ce18d78b2"));
        assertThat(client.authorizeUrl("https://tonearm.example/cb?x=1"))
                .isEqualTo("https://www.last.fm/api/auth/?api_key=the-api-key&cb=https%3A%2F%2Ftonearm.example%2Fcb%3Fx%3D1");
    }

    private static LastFmClient.Scrobble scrobble() {
        return new LastFmClient.Scrobble("Radiohead", "Airbag", "OK Computer", 1764000000L, 287L, null);
    }

    private static RemoteFailure failure(Runnable call) {
        return catchThrowableOfType(RemoteFailure.class, call::run);
    }

    private static String md5(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
