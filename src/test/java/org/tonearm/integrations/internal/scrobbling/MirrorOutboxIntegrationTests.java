package org.tonearm.integrations.internal.scrobbling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.integrations.internal.scrobbling.ScrobbleFakes.fixture;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.integrations.internal.persistence.OutboxRepository;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.WebBrowser;

/**
 * Mirroring new listens out through the persistent outbox (docs/api.md#connections-lastfm-and-listenbrainz):
 * forwarded once, failures retried with backoff and shown to the user, a revoked token turns the connection to
 * needs_reauth, a crash between send and acknowledge recovered without a double where the service lets Tonearm tell,
 * and nothing pulled from a service echoed back to it.
 */
class MirrorOutboxIntegrationTests extends ScrobbleSyncTestBase {

    @Autowired
    OutboxRepository outbox;

    private Api.User mirroringToListenBrainz() {
        Api.User user = api().newUser();
        fake.stubFor(get(urlPathEqualTo("/1/validate-token")).withHeader("Authorization", equalTo("Token lb-token"))
                .willReturn(okJson("{\"code\":200,\"message\":\"Token valid.\",\"valid\":true,\"user_name\":\""
                        + user.username() + "\"}")));
        var r = user.api().post("/api/v1/connections/listenbrainz",
                Map.of("token", "lb-token", "mirror", true, "pull", false));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return user;
    }

    private Api.User mirroringToLastFm() {
        Api.User user = api().newUser();
        fake.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .willReturn(okJson("{\"session\":{\"subscriber\":0,\"name\":\"" + user.username()
                        + "\",\"key\":\"sk-" + user.username() + "\"}}")));
        var started = user.api().post("/api/v1/connections/lastfm", Map.of("mirror", true, "pull", false)).json();
        // issue 13: the API answers the start page; the user's own signed-in browser opens it and goes to Last.fm
        WebBrowser browser = WebBrowser.signedIn(port, user);
        String authorize = browser.get(started.path("authorize_url").asString()).header("Location");
        assertThat(authorize).startsWith("https://www.last.fm/api/auth/?api_key=test-api-key&cb=");
        String cb = java.net.URLDecoder.decode(authorize.substring(authorize.indexOf("&cb=") + 4),
                java.nio.charset.StandardCharsets.UTF_8);
        String state = cb.substring(cb.indexOf("state=") + 6);
        // Last.fm sends that browser back: without its binding cookie (another browser) nothing is connected
        assertThat(new WebBrowser(port).get("/api/v1/connections/lastfm/callback?state=" + state + "&token=approved")
                .status()).isEqualTo(400);
        started = user.api().post("/api/v1/connections/lastfm", Map.of("mirror", true, "pull", false)).json();
        authorize = browser.get(started.path("authorize_url").asString()).header("Location");
        cb = java.net.URLDecoder.decode(authorize.substring(authorize.indexOf("&cb=") + 4),
                java.nio.charset.StandardCharsets.UTF_8);
        state = cb.substring(cb.indexOf("state=") + 6);
        var done = browser.get("/api/v1/connections/lastfm/callback?state=" + state + "&token=approved");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("mirror").asBoolean()).isTrue();
        return user;
    }

    private static long listen(Api.User user, String track, Instant at) {
        var r = user.api().post("/api/v1/listens", Map.of("artist", "Mirror Artist", "track", track,
                "listened_at", at.toString(), "duration_played_ms", 200000, "track_length_ms", 210000));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("listen").path("id").asLong();
    }

    private static int pending(Api.User user, String service) {
        return connection(user, service).path("outbox").path("pending").asInt(-1);
    }

    @Test
    void forwardsANewListenOnceAndFailuresAreRetriedWithBackoffAndShown() {
        Api.User user = mirroringToListenBrainz();
        fake.stubFor(post(urlPathEqualTo("/1/submit-listens")).willReturn(aResponse().withStatus(503)));

        listen(user, "Forward Me", Instant.now().minusSeconds(300));
        assertThat(pending(user, "listenbrainz")).isEqualTo(1); // in the outbox as the listen committed

        sender.runOnce(); // 3 attempts, all 503
        assertThat(pending(user, "listenbrainz")).isEqualTo(1);
        fake.verify(3, postRequestedFor(urlPathEqualTo("/1/submit-listens")));
        assertThat(connection(user, "listenbrainz").path("outbox").path("last_error").asString()).contains("503");

        fake.stubFor(post(urlPathEqualTo("/1/submit-listens")).willReturn(okJson(fixture("listenbrainz/submit-ok.json"))));
        await(Duration.ofSeconds(10), () -> {
            sender.runOnce();
            return pending(user, "listenbrainz") == 0;
        });
        sender.runOnce();
        sender.runOnce();
        // the 3 refused attempts and the one accepted; nothing after the acknowledgement
        fake.verify(4, postRequestedFor(urlPathEqualTo("/1/submit-listens"))
                .withHeader("Authorization", equalTo("Token lb-token"))
                .withRequestBody(containing("\"track_name\":\"Forward Me\"")).withRequestBody(containing("\"single\"")));
    }

    @Test
    void aRevokedTokenAsksTheUserToReauthorizeAndKeepsTheListens() {
        Api.User user = mirroringToLastFm();
        fake.stubFor(post(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(fixture("lastfm/error-9-invalid-session-key.json"))));
        listen(user, "Revoked", Instant.now().minusSeconds(600));

        sender.runOnce();

        var view = connection(user, "lastfm");
        assertThat(view.path("status").asString()).isEqualTo("needs_reauth");
        assertThat(view.path("last_error").asString()).contains("Last.fm error 9");
        assertThat(view.path("outbox").path("pending").asInt()).isEqualTo(1);
        sender.runOnce(); // paused: nothing sent while the user has not authorized again
        fake.verify(1, postRequestedFor(urlPathEqualTo("/2.0/")));

        fake.stubFor(post(urlPathEqualTo("/2.0/")).willReturn(okJson(fixture("lastfm/scrobble-one-accepted.json"))));
        mirroringToLastFmAgain(user);
        sender.runOnce();
        assertThat(pending(user, "lastfm")).isZero();
        fake.verify(2, postRequestedFor(urlPathEqualTo("/2.0/")).withRequestBody(containing("track%5B0%5D=Revoked")));
    }

    private void mirroringToLastFmAgain(Api.User user) {
        var started = user.api().post("/api/v1/connections/lastfm", Map.of("mirror", true)).json();
        WebBrowser browser = WebBrowser.signedIn(port, user);
        String authorize = browser.get(started.path("authorize_url").asString()).header("Location");
        String cb = java.net.URLDecoder.decode(authorize.substring(authorize.indexOf("&cb=") + 4),
                java.nio.charset.StandardCharsets.UTF_8);
        var done = browser.get("/api/v1/connections/lastfm/callback?state=" + cb.substring(cb.indexOf("state=") + 6)
                + "&token=approved-again");
        assertThat(done.json().path("status").asString()).isEqualTo("active");
    }

    @Test
    void aCrashBetweenSendAndAcknowledgeIsRecoveredWithoutADoubleScrobble() throws Exception {
        Api.User user = mirroringToLastFm();
        Instant sentAt = Instant.now().minusSeconds(900).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant notSentAt = sentAt.minusSeconds(400);
        listen(user, "Sent Before Crash", sentAt);
        listen(user, "Never Sent", notSentAt);
        // a sender claims both and "crashes" before the acknowledgement: the rows stay in flight
        var claimed = outbox.claim(new OutboxRepository.Group(user.id(), "lastfm"), System.currentTimeMillis(), 50);
        assertThat(claimed).hasSize(2);
        // Last.fm did get the first one before the crash
        fake.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getrecenttracks"))
                .withQueryParam("from", matching("\\d+")).willReturn(okJson(ScrobbleFakes.lastFmPage(user.username(),
                        List.of(new ScrobbleFakes.Play(sentAt.getEpochSecond(), "Mirror Artist", "Sent Before Crash")),
                        1, 1, 1, false))));
        fake.stubFor(post(urlPathEqualTo("/2.0/")).willReturn(okJson(fixture("lastfm/scrobble-one-accepted.json"))));

        sender.runOnce(); // within the lease: nothing happens yet
        assertThat(fake.findAll(postRequestedFor(urlPathEqualTo("/2.0/")))).isEmpty();
        Thread.sleep(1100); // the in-flight lease (1 s in tests) runs out: the sender that took them is taken for dead
        sender.runOnce();

        assertThat(pending(user, "lastfm")).isZero();
        fake.verify(1, postRequestedFor(urlPathEqualTo("/2.0/")));
        fake.verify(1, postRequestedFor(urlPathEqualTo("/2.0/")).withRequestBody(containing("Never+Sent")));
    }

    @Test
    void listensPulledFromAServiceAreNeverEchoedBackToIt() {
        Api.User user = mirroringToListenBrainz();
        long at = Instant.now().minusSeconds(3000).getEpochSecond();
        fake.stubFor(get(urlPathEqualTo("/1/user/" + user.username() + "/listens")).withQueryParam("max_ts", matching("\\d+"))
                .inScenario("pull").whenScenarioStateIs("Started")
                .willReturn(okJson(ScrobbleFakes.listenBrainzPage(user.username(),
                        List.of(new ScrobbleFakes.Play(at, "Echo Artist", "Pulled From LB")))))
                .willSetStateTo("done"));
        fake.stubFor(get(urlPathEqualTo("/1/user/" + user.username() + "/listens")).inScenario("pull")
                .whenScenarioStateIs("done").willReturn(okJson(ScrobbleFakes.listenBrainzPage(user.username(), List.of()))));
        fake.stubFor(post(urlPathEqualTo("/1/submit-listens")).willReturn(okJson(fixture("listenbrainz/submit-ok.json"))));
        // pull on as well
        user.api().post("/api/v1/connections/listenbrainz", Map.of("token", "lb-token", "mirror", true, "pull", true));
        syncNow(user, "listenbrainz");
        assertThat(listenCount(user)).isEqualTo(1);
        listen(user, "Played Here", Instant.now().minusSeconds(60));

        sender.runOnce();

        assertThat(pending(user, "listenbrainz")).isZero();
        fake.verify(1, postRequestedFor(urlPathEqualTo("/1/submit-listens")));
        fake.verify(0, postRequestedFor(urlPathEqualTo("/1/submit-listens")).withRequestBody(containing("Pulled From LB")));
    }
}
