package org.tonearm.integrations.internal.spotify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;
import org.tonearm.imports.Uploads;
import org.tonearm.integrations.internal.connection.Connection;
import org.tonearm.integrations.internal.connection.ConnectionStore;
import org.tonearm.shared.Database;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestApps;
import org.tonearm.testsupport.WebBrowser;
import tools.jackson.databind.JsonNode;

/**
 * Spotify end to end (issue 13 item 2) against a WireMock Spotify shaped like the real one ({@link FakeSpotify}): the
 * PKCE connection, polling recently-played into the funnel, the cursor, token refresh and revocation, and the merge
 * with a later extended-history import — asserted through the API as the user sees them. The background scheduler
 * is off: each step is one "sync now".
 */
class SpotifySyncIntegrationTests {

    static WireMockServer wire;
    static FakeSpotify spotify;
    static TestApps.App app;

    @BeforeAll
    static void start() {
        spotify = FakeSpotify.start();
        wire = spotify.server;
        app = spotify.app(Map.of("tonearm.integrations.callback-base-url", "https://music.example.org",
                "tonearm.integrations.connections.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        wire.stop();
    }

    /** A user connected through the whole PKCE flow; the tokens are this user's own. */
    record Connected(Api.User user, String access, String refresh) {}

    static Connected connect(int expiresIn) {
        Api.User user = app.api().newUser();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String code = "code-" + tag;
        String access = "at-" + tag;
        String refresh = "rt-" + tag;
        Consent consent = consent(user);
        spotify.tokensForCode(code, access, refresh, expiresIn);
        spotify.me(access, "spotify-" + tag);
        Api.Response done = consent.browser().get("/api/v1/connections/spotify/callback?code=" + code + "&state="
                + consent.state());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("external_user").asString()).isEqualTo("spotify-" + tag);
        assertThat(done.json().path("status").asString()).isEqualTo("active");
        return new Connected(user, access, refresh);
    }

    /** The user's own signed-in browser after the start page sent it to Spotify's consent page (issue 13). */
    record Consent(WebBrowser browser, String state, String authorizeUrl) {}

    /**
     * Starts a connection through the API (bearer token, no browser): the answer is this instance's start page, which
     * the same user's signed-in browser opens; it sets the binding cookie and redirects to Spotify's consent page.
     */
    static Consent consent(Api.User user) {
        Api.Response started = user.api().post("/api/v1/connections/spotify", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("status").asString()).isEqualTo("redirect");
        String start = started.json().path("authorize_url").asString();
        assertThat(start).startsWith("https://music.example.org/connections/services/spotify/start?state=");
        WebBrowser browser = WebBrowser.signedIn(port(), user);
        Api.Response toSpotify = browser.get(start);
        assertThat(toSpotify.status()).as(toSpotify.body()).isEqualTo(302);
        String authorize = toSpotify.header("Location");
        assertThat(authorize).startsWith(spotify.base() + "/authorize?");
        assertThat(browser.cookie("tonearm_oauth_spotify", "/api/v1/connections/spotify/callback")).hasSize(43);
        String state = decode(UriComponentsBuilder.fromUriString(authorize).build().getQueryParams().getFirst("state"));
        assertThat(start).endsWith("state=" + state); // the same flow: the start page only binds the browser
        return new Consent(browser, state, authorize);
    }

    static int port() {
        return Integer.parseInt(app.context().getEnvironment().getProperty("local.server.port"));
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static FakeSpotify.Item play(String id, String title, Instant playedAt) {
        return new FakeSpotify.Item(id, title, "Artist " + id, "Album " + id, 200_000, playedAt);
    }

    static JsonNode listens(Api.User user) {
        return user.api().get("/api/v1/listens?limit=100").json().path("listens");
    }

    static JsonNode sync(Api.User user) {
        Api.Response r = user.api().post("/api/v1/connections/spotify/sync", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void authorizeUrlCarriesPkceS256AndTheCodeExchangeSendsTheMatchingVerifier() throws Exception {
        Api.User user = app.api().newUser();
        Consent consent = consent(user);
        var query = UriComponentsBuilder.fromUriString(consent.authorizeUrl()).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo("tonearm-client");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(decode(query.getFirst("redirect_uri")))
                .isEqualTo("https://music.example.org/api/v1/connections/spotify/callback");
        assertThat(decode(query.getFirst("scope"))).isEqualTo("user-read-recently-played");

        spotify.tokensForCode("pkce-code", "at-pkce", "rt-pkce", 3600);
        spotify.me("at-pkce", "pkce-user");
        assertThat(consent.browser().get("/api/v1/connections/spotify/callback?code=pkce-code&state="
                + consent.state()).status()).isEqualTo(200);
        LoggedRequest exchange = wire.findAll(postRequestedFor(urlPathEqualTo("/api/token"))
                .withRequestBody(containing("code=pkce-code"))).get(0);
        Map<String, String> form = form(exchange.getBodyAsString());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(form.get("code_verifier").getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)).isEqualTo(decode(query.getFirst("code_challenge")));
        assertThat(form.get("redirect_uri")).isEqualTo("https://music.example.org/api/v1/connections/spotify/callback");
        assertThat(form.get("client_id")).isEqualTo("tonearm-client");
        assertThat(user.api().get("/api/v1/connections/spotify").json().path("external_user").asString()).isEqualTo("pkce-user");
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return form;
    }

    @Test
    void theStateIsSingleUseBoundToItsUserAndExpiresAfterTenMinutes() {
        Api.User user = app.api().newUser();
        Api.User other = app.api().newUser();
        spotify.tokensForCode("state-code", "at-state", "rt-state", 3600);
        spotify.me("at-state", "state-user");

        Consent consent = consent(user);
        // another signed-in user's browser cannot complete it
        WebBrowser otherBrowser = WebBrowser.signedIn(port(), other);
        Api.Response foreign = otherBrowser.get("/api/v1/connections/spotify/callback?code=state-code&state="
                + consent.state());
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.header("Content-Type")).contains("application/problem+json");
        // it was taken by that attempt: single use, even for the owner's browser
        assertThat(consent.browser().get("/api/v1/connections/spotify/callback?code=state-code&state="
                + consent.state()).status()).isEqualTo(400);

        Consent fresh = consent(user);
        String callback = "/api/v1/connections/spotify/callback?code=state-code&state=" + fresh.state();
        assertThat(fresh.browser().get(callback).status()).isEqualTo(200);
        assertThat(fresh.browser().get(callback).status()).isEqualTo(400);

        // 10 minutes: a state that expired one millisecond ago is refused
        Consent old = consent(user);
        Database db = app.context().getBean(Database.class);
        db.writeVoid(() -> db.dsl().execute("update integration_oauth_states set expires_at = ? where user_id = ?",
                System.currentTimeMillis() - 1, user.id()));
        Api.Response expired = old.browser().get("/api/v1/connections/spotify/callback?code=state-code&state="
                + old.state());
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).contains("expired");
        assertThat(other.api().get("/api/v1/connections/spotify").status()).isEqualTo(404);
    }

    /**
     * Issue 13 (security, RFC 6749 §10.12, RFC 9700 §4.7): an attacker with an account starts a connection and sends
     * the link to a victim. Neither the start page nor the callback let the victim's browser complete it: nothing is
     * connected to either account, and the answer says why.
     */
    @Test
    void aFlowCompletesOnlyInTheBrowserThatStartedIt() {
        Api.User attacker = app.api().newUser();
        Api.User victim = app.api().newUser();
        spotify.tokensForCode("victim-code", "at-victim", "rt-victim", 3600);
        spotify.me("at-victim", "victim-on-spotify");

        // the start link opened in the victim's signed-in browser: refused, no cookie, back to the page with the reason
        String start = attacker.api().post("/api/v1/connections/spotify", Map.of()).json().path("authorize_url").asString();
        String attackState = decode(start.substring(start.indexOf("state=") + 6));
        WebBrowser victimBrowser = WebBrowser.signedIn(port(), victim);
        Api.Response opened = victimBrowser.get(start);
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.header("Location")).endsWith("/connections").doesNotContain(spotify.base());
        assertThat(victimBrowser.cookie("tonearm_oauth_spotify", "/api/v1/connections/spotify/callback")).isNull();
        String page = victimBrowser.get("/connections").body();
        assertThat(page).contains("started by another user");
        // signed out, the start page asks for the web login first
        assertThat(new WebBrowser(port()).get(start).header("Location")).endsWith("/login");

        // the consent URL reached the victim anyway (say the attacker opened the start page and copied it): Spotify
        // sends the victim's browser back, which has no binding cookie
        Consent attackers = consent(attacker);
        Api.Response noCookie = victimBrowser.get("/api/v1/connections/spotify/callback?code=victim-code&state="
                + attackers.state());
        assertThat(noCookie.status()).isEqualTo(400);
        assertThat(noCookie.header("Content-Type")).contains("application/problem+json");
        assertThat(noCookie.body()).contains("not started in this browser");
        // consumed: the attacker cannot replay it from the right browser later
        assertThat(attackers.browser().get("/api/v1/connections/spotify/callback?code=victim-code&state="
                + attackers.state()).status()).isEqualTo(400);

        // a browser with its own binding cookie (of another flow) does not match either
        Consent next = consent(attacker);
        Consent victims = consent(victim);
        Api.Response otherCookie = victims.browser().get("/api/v1/connections/spotify/callback?code=victim-code&state="
                + next.state());
        assertThat(otherCookie.status()).isEqualTo(400);
        assertThat(otherCookie.body()).contains("not started in this browser");
        // and the refusal clears the cookie it used
        assertThat(otherCookie.headers().get("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("tonearm_oauth_spotify=;").contains("Max-Age=0"));

        assertThat(attacker.api().get("/api/v1/connections/spotify").status()).isEqualTo(404);
        assertThat(victim.api().get("/api/v1/connections/spotify").status()).isEqualTo(404);
        assertThat(attackState).isNotBlank();
    }

    /** The refusals are shown in the language of the browser that sees them (messages bundles, docs/web.md#languages). */
    @Test
    void theRefusalsSpeakTheLanguageOfTheBrowser() {
        Api.User attacker = app.api().newUser();
        Api.User victim = app.api().newUser();
        MessageSource messages = app.context().getBean(MessageSource.class);

        // a French browser opening another user's start link: back to its Connections page, told why in French
        String start = attacker.api().post("/api/v1/connections/spotify", Map.of()).json().path("authorize_url").asString();
        WebBrowser french = WebBrowser.signedIn(port(), victim, "fr-FR,fr;q=0.9,en;q=0.5");
        Api.Response opened = french.get(start);
        assertThat(opened.header("Location")).as(opened.status() + " " + opened.body()).endsWith("/connections");
        String page = french.get("/connections").body();
        String startRefused = messages.getMessage("services.flow.startRefused", null, Locale.FRENCH);
        assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(startRefused, "UTF-8"))
                .contains("lancé par un autre utilisateur");

        // a Spanish browser bringing another browser's flow back: the callback's refusal in Spanish
        Consent attackers = consent(attacker);
        WebBrowser spanish = WebBrowser.signedIn(port(), victim, "es-ES,es;q=0.9");
        Api.Response refused = spanish.get("/api/v1/connections/spotify/callback?code=x&state=" + attackers.state());
        assertThat(refused.status()).isEqualTo(400);
        String otherBrowser = messages.getMessage("services.flow.otherBrowser", null, Locale.of("es"));
        assertThat(refused.json().path("errors").get(0).path("message").asString()).isEqualTo(otherBrowser)
                .contains("no se inició en este navegador");
        assertThat(refused.json().path("detail").asString()).isEqualTo("state: " + otherBrowser);

        // and a browser without a language of Tonearm's gets English
        Consent again = consent(attacker);
        Api.Response english = WebBrowser.signedIn(port(), victim, "de-DE")
                .get("/api/v1/connections/spotify/callback?code=x&state=" + again.state());
        assertThat(english.json().path("detail").asString()).contains("not started in this browser");
    }

    @Test
    void theBindingCookieIsHttpOnlyLaxScopedToTheCallbackAndLastsTheStatesTenMinutes() {
        Api.User user = app.api().newUser();
        String start = user.api().post("/api/v1/connections/spotify", Map.of()).json().path("authorize_url").asString();
        Api.Response opened = WebBrowser.signedIn(port(), user).get(start);
        String cookie = opened.headers().get("Set-Cookie").stream().filter(c -> c.startsWith("tonearm_oauth_spotify="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Max-Age=600", "Path=/api/v1/connections/spotify/")
                .doesNotContain("Secure"); // plain HTTP in the test: Secure only when the request came over HTTPS
        String nonce = cookie.substring("tonearm_oauth_spotify=".length(), cookie.indexOf(';'));
        assertThat(java.util.Base64.getUrlDecoder().decode(nonce)).hasSize(32); // 256 bits
        // the database keeps only its SHA-256, never the nonce
        Database db = app.context().getBean(Database.class);
        String stored = String.valueOf(db.read(() -> db.dsl().fetchValue(
                "select browser_binding_hash from integration_oauth_states where user_id = ?", user.id())));
        assertThat(stored).hasSize(64).doesNotContain(nonce);
    }

    static String stateOf(JsonNode started) {
        return decode(UriComponentsBuilder.fromUriString(started.path("authorize_url").asString()).build()
                .getQueryParams().getFirst("state"));
    }

    @Test
    void pollsRecentlyPlayedIntoSyncListensStartingAtPlayedAtMinusDuration() {
        Connected c = connect(3600);
        Instant t1 = Instant.parse("2026-12-01T10:03:20.123Z");
        Instant t2 = Instant.parse("2026-12-01T10:07:00.456Z");
        spotify.plays(c.access(), List.of(play("trk1", "First Song", t1), play("trk2", "Second Song", t2)));

        JsonNode after = sync(c.user());
        assertThat(after.path("status").asString()).isEqualTo("active");
        assertThat(after.path("last_sync_at").isNull()).isFalse();
        assertThat(after.path("last_error").isNull()).isTrue();
        JsonNode listens = listens(c.user());
        assertThat(listens).hasSize(2);
        JsonNode newest = listens.get(0);
        assertThat(newest.path("track").path("title").asString()).isEqualTo("Second Song");
        assertThat(newest.path("listened_at").asString()).isEqualTo(t2.minusMillis(200_000).toString());
        assertThat(newest.path("channel").asString()).isEqualTo("sync");
        assertThat(newest.path("service").asString()).isEqualTo("spotify");
        assertThat(newest.path("classification").asString()).isEqualTo("FULL");
        assertThat(newest.path("track_length_ms").asLong()).isEqualTo(200_000);

        // the next poll asks only for what came after the newest played_at, and stores nothing twice
        sync(c.user());
        List<LoggedRequest> polls = wire.findAll(getRequestedFor(urlPathEqualTo("/v1/me/player/recently-played"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + c.access())));
        assertThat(polls.get(0).queryParameter("after").isPresent()).isFalse();
        assertThat(polls.get(polls.size() - 1).queryParameter("after").firstValue()).isEqualTo(Long.toString(t2.toEpochMilli()));
        assertThat(polls.get(0).queryParameter("limit").firstValue()).isEqualTo("50");
        assertThat(listens(c.user())).hasSize(2);
    }

    @Test
    void tokensAreStoredEncrypted() {
        Connected c = connect(3600);
        Database db = app.context().getBean(Database.class);
        String stored = db.dsl().fetchValue("select credentials from integration_connections where user_id = "
                + c.user().id() + " and service = 'spotify'").toString();
        assertThat(stored).startsWith("v1:").doesNotContain(c.access()).doesNotContain(c.refresh());
        ConnectionStore store = app.context().getBean(ConnectionStore.class);
        Connection connection = store.find(c.user().id(), "spotify").orElseThrow();
        assertThat(store.credentials(connection)).contains(c.access()).contains(c.refresh());
    }

    @Test
    void refreshesFiveMinutesBeforeExpiryAndKeepsTheRotatedRefreshToken() {
        Connected c = connect(299); // expires within the 5 minutes: the first step refreshes
        spotify.refresh(c.refresh(), "at2-" + c.refresh(), "rt2-" + c.refresh(), 299);
        spotify.refresh("rt2-" + c.refresh(), "at3-" + c.refresh(), null, 3600);
        spotify.plays("at2-" + c.refresh(), List.of(play("r1", "Refreshed", Instant.parse("2026-12-01T11:00:00.001Z"))));
        spotify.plays("at3-" + c.refresh(), List.of(play("r2", "Rotated", Instant.parse("2026-12-01T11:05:00.001Z"))));

        sync(c.user()); // refresh with the first refresh token → at2, rt2
        sync(c.user()); // refresh with the ROTATED one → at3 (Spotify sent no new refresh token: rt2 stays)
        assertThat(listens(c.user())).extracting(l -> l.path("track").path("title").asString())
                .containsExactly("Rotated", "Refreshed");
        ConnectionStore store = app.context().getBean(ConnectionStore.class);
        assertThat(store.credentials(store.find(c.user().id(), "spotify").orElseThrow())).contains("rt2-" + c.refresh());
    }

    @Test
    void aTokenThatExpiresMidPollIsRefreshedAndThePollRepeated() {
        Connected c = connect(3600);
        spotify.expired(c.access());
        spotify.refresh(c.refresh(), "at-new-" + c.refresh(), null, 3600);
        spotify.plays("at-new-" + c.refresh(), List.of(play("m1", "Mid Poll", Instant.parse("2026-12-01T12:00:00.500Z"))));

        JsonNode after = sync(c.user());
        assertThat(after.path("status").asString()).isEqualTo("active");
        assertThat(listens(c.user())).hasSize(1);
    }

    @Test
    void aRevokedRefreshTokenAsksForReauthorizationWithoutTouchingTheLogin() {
        Connected c = connect(60);
        spotify.revoked(c.refresh());

        JsonNode after = sync(c.user());
        assertThat(after.path("status").asString()).isEqualTo("needs_reauth");
        assertThat(after.path("last_error").asString()).contains("Refresh token revoked");
        assertThat(after.path("next_sync_at").isNull()).isTrue();
        assertThat(c.user().api().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(c.user().api().post("/api/v1/connections/spotify/sync", null).status()).isEqualTo(409);
        assertThat(c.user().api().get("/api/v1/connections").json().path("connections").get(0).path("status").asString())
                .isEqualTo("needs_reauth");
    }

    @Test
    void aCrashBetweenIngestAndCursorStoreRepollsWithoutDoubling() {
        Connected c = connect(3600);
        List<FakeSpotify.Item> items = List.of(play("k1", "Kept Once", Instant.parse("2026-12-02T08:00:00.100Z")),
                play("k2", "Kept Twice", Instant.parse("2026-12-02T08:04:00.200Z")));
        spotify.plays(c.access(), items);
        ConnectionStore store = app.context().getBean(ConnectionStore.class);
        SpotifyProvider provider = app.context().getBean(SpotifyProvider.class);

        // the step commits its listens; the process dies before the scheduler stores the cursor
        provider.sync(store.find(c.user().id(), "spotify").orElseThrow());
        assertThat(listens(c.user())).hasSize(2);
        assertThat(store.find(c.user().id(), "spotify").orElseThrow().cursor()).isNull();

        // after the restart the same page comes again from the old cursor
        sync(c.user());
        assertThat(listens(c.user())).hasSize(2);
        assertThat(store.find(c.user().id(), "spotify").orElseThrow().cursor())
                .isEqualTo(Long.toString(items.get(1).playedAt().toEpochMilli()));
    }

    @Test
    void aLaterExtendedHistoryImportMergesWithTheSyncedPlays() {
        Connected c = connect(3600);
        Instant end1 = Instant.parse("2026-11-20T21:00:00.000Z");
        Instant end2 = Instant.parse("2026-11-20T21:04:00.000Z");
        spotify.plays(c.access(), List.of(new FakeSpotify.Item("4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up",
                "Rick Astley", "Whenever You Need Somebody", 213_573, end1),
                new FakeSpotify.Item("0pqnGHJpmpxLKifKRmU6WP", "Together Forever", "Rick Astley", "Hold Me In Your Arms",
                        205_000, end2)));
        sync(c.user());
        assertThat(listens(c.user())).hasSize(2);

        // the same two plays in the user's extended streaming history (ts = end, second precision), plus one more
        String history = "[" + extended(end1, 213_573, "Never Gonna Give You Up", "Whenever You Need Somebody",
                "4uLU6hMCjMI75M1A2tKUQC") + "," + extended(end2, 205_000, "Together Forever", "Hold Me In Your Arms",
                "0pqnGHJpmpxLKifKRmU6WP") + "," + extended(end2.plusSeconds(600), 190_000, "Take Me to Your Heart",
                "Hold Me In Your Arms", "3dzQB9bAvFpp4ouJ3Aqh9P") + "]";
        Api.Response upload = Uploads.upload(port(), c.user().accessToken(), "Streaming_History_Audio_2026.json",
                history.getBytes(StandardCharsets.UTF_8), null);
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        JsonNode job = Uploads.awaitFinished(c.user().api(), upload.json().path("id").asLong());
        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(1);
        assertThat(listens(c.user())).hasSize(3);
    }

    static String extended(Instant end, long msPlayed, String track, String album, String id) {
        return "{\"ts\":\"" + end.toString().replace(".000", "") + "\",\"platform\":\"android\",\"ms_played\":" + msPlayed
                + ",\"conn_country\":\"DE\",\"master_metadata_track_name\":\"" + track
                + "\",\"master_metadata_album_artist_name\":\"Rick Astley\",\"master_metadata_album_album_name\":\"" + album
                + "\",\"spotify_track_uri\":\"spotify:track:" + id + "\",\"episode_name\":null,\"episode_show_name\":null,"
                + "\"spotify_episode_uri\":null,\"reason_start\":\"trackdone\",\"reason_end\":\"trackdone\","
                + "\"shuffle\":false,\"skipped\":false,\"offline\":false,\"offline_timestamp\":0,\"incognito_mode\":false}";
    }

    @Test
    void disconnectingStopsSyncsAndDeletesTheTokens() {
        Connected c = connect(3600);
        assertThat(c.user().api().delete("/api/v1/connections/spotify").status()).isEqualTo(204);
        JsonNode view = c.user().api().get("/api/v1/connections/spotify").json();
        assertThat(view.path("status").asString()).isEqualTo("disconnected");
        assertThat(view.path("next_sync_at").isNull()).isTrue();
        Database db = app.context().getBean(Database.class);
        assertThat(db.dsl().fetchValue("select credentials from integration_connections where user_id = "
                + c.user().id())).isNull();
        assertThat(c.user().api().post("/api/v1/connections/spotify/sync", null).status()).isEqualTo(409);
    }
}
