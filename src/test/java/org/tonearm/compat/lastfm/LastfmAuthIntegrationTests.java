package org.tonearm.compat.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.compat.lastfm.LastfmTestClient.params;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api.Response;
import org.tonearm.testsupport.Api.User;
import org.tonearm.testsupport.IntegrationTestBase;

/** auth.* of the Last.fm API, api_key/api_sig rules and the browser approval page. */
class LastfmAuthIntegrationTests extends IntegrationTestBase {

    private LastfmTestClient lastfm() {
        return new LastfmTestClient(api());
    }

    private static Map<String, String> scrobble(String sk) {
        return params("method", "track.scrobble", "sk", sk, "artist", "A", "track", "T",
                "timestamp", String.valueOf(System.currentTimeMillis() / 1000 - 60), "format", "json");
    }

    @Test
    void mobileSessionWithTheAccountPasswordAnswersAnXmlSessionByDefault() {
        User user = api().newUser();
        Response r = lastfm().post(params("method", "auth.getMobileSession", "username", user.username(),
                "password", LastfmTestClient.password(user)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/xml");
        assertThat(r.body()).contains("<lfm status=\"ok\">", "<name>" + user.username() + "</name>", "<subscriber>0</subscriber>")
                .containsPattern("<key>[0-9a-f]{32}</key>");
    }

    @Test
    void anApiTokenWorksAsThePasswordAndItsSessionScrobbles() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        Response r = lastfm().post(scrobble(sk));
        assertThat(r.json().path("scrobbles").path("@attr").path("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void legacyAuthTokenWorksWithAnApiTokenAsTheSecret() {
        User user = api().newUser();
        String token = LastfmTestClient.apiToken(user);
        String authToken = LegacyDigests.md5Hex(user.username() + LegacyDigests.md5Hex(token));
        Response r = lastfm().post(params("method", "auth.getMobileSession", "username", user.username(),
                "authToken", authToken, "format", "json"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("session").path("key").asString()).hasSize(32);
    }

    @Test
    void legacyAuthTokenCannotBeBuiltFromTheAccountPassword() {
        User user = api().newUser();
        String authToken = LegacyDigests.md5Hex(user.username() + LegacyDigests.md5Hex(LastfmTestClient.password(user)));
        Response r = lastfm().post(params("method", "auth.getMobileSession", "username", user.username(),
                "authToken", authToken, "format", "json"));
        assertThat(r.json().path("error").asInt()).isEqualTo(4);
    }

    @Test
    void wrongPasswordIsErrorFourInXmlAndJson() {
        User user = api().newUser();
        Response xml = lastfm().post(params("method", "auth.getMobileSession", "username", user.username(),
                "password", "wrong password"));
        assertThat(xml.status()).isEqualTo(403);
        assertThat(xml.body()).contains("<lfm status=\"failed\">", "<error code=\"4\">");
        Response json = lastfm().post(params("method", "auth.getMobileSession", "username", user.username(),
                "password", "wrong password", "format", "json"));
        assertThat(json.json().path("error").asInt()).isEqualTo(4);
        assertThat(json.json().path("message").asString()).isNotBlank();
    }

    @Test
    void missingApiKeyIsErrorTenAndUnknownMethodErrorThree() {
        Response noKey = lastfm().get(Map.of("method", "user.getInfo", "user", "x", "format", "json"));
        assertThat(noKey.json().path("error").asInt()).isEqualTo(10);
        Response unknown = lastfm().get(params("method", "artist.getInfo", "artist", "x", "format", "json"));
        assertThat(unknown.json().path("error").asInt()).isEqualTo(3);
    }

    @Test
    void methodNamesAreCaseInsensitive() {
        User user = api().newUser();
        Response r = lastfm().post(params("method", "AUTH.GETMOBILESESSION", "username", user.username(),
                "password", LastfmTestClient.password(user), "format", "json"));
        assertThat(r.json().path("session").path("name").asString()).isEqualTo(user.username());
    }

    @Test
    void aRegisteredAppsSignatureIsVerified() {
        User user = api().newUser();
        Response app = user.api().post("/api/v1/me/lastfm-apps", Map.of("name", "my player"));
        assertThat(app.status()).isEqualTo(201);
        String apiKey = app.json().path("api_key").asString();
        String secret = app.json().path("shared_secret").asString();
        Map<String, String> p = new TreeMap<>(Map.of("method", "auth.getMobileSession", "api_key", apiKey,
                "username", user.username(), "password", LastfmTestClient.password(user)));
        p.put("api_sig", LastfmSignature.sign(p, secret));
        p.put("format", "json"); // not signed
        assertThat(lastfm().post(p).json().path("session").path("key").asString()).hasSize(32);

        p.put("api_sig", LastfmSignature.sign(p, "not the secret"));
        assertThat(lastfm().post(p).json().path("error").asInt()).isEqualTo(13);
        p.remove("api_sig");
        assertThat(lastfm().post(p).json().path("error").asInt()).isEqualTo(13);
    }

    @Test
    void deletingTheApiTokenEndsTheSessionsMadeWithIt() {
        User user = api().newUser();
        String token = LastfmTestClient.apiToken(user);
        String sk = lastfm().sessionKeyWith(user, token);
        long tokenId = user.api().get("/api/v1/me/tokens").json().path("tokens").get(0).path("id").asLong();
        assertThat(user.api().delete("/api/v1/me/tokens/" + tokenId).status()).isEqualTo(204);
        assertThat(lastfm().post(scrobble(sk)).json().path("error").asInt()).isEqualTo(9);
    }

    @Test
    void aReadOnlyTokensSessionCannotScrobble() {
        User user = api().newUser();
        String sk = lastfm().sessionKeyWith(user, LastfmTestClient.apiToken(user, "listens:read"));
        assertThat(lastfm().post(scrobble(sk)).json().path("error").asInt()).isEqualTo(4);
    }

    @Test
    void desktopFlowTokenApprovedInTheBrowserYieldsOneSession() {
        User user = api().newUser();
        String token = lastfm().get(params("method", "auth.getToken", "format", "json")).json().path("token").asString();
        assertThat(token).hasSize(32);
        Map<String, String> getSession = params("method", "auth.getSession", "token", token, "format", "json");
        assertThat(lastfm().get(getSession).json().path("error").asInt()).isEqualTo(14);

        Response page = api().get("/api/auth/?api_key=" + LastfmTestClient.FOREIGN_API_KEY + "&token=" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        String cookie = page.header("Set-Cookie").split(";")[0];
        String csrf = hidden(page.body(), "csrf");
        assertThat(cookie).isEqualTo(LastfmApprovalController.CSRF_COOKIE + "=" + csrf);

        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("token", token, "csrf", csrf,
                "username", user.username(), "password", LastfmTestClient.password(user)));
        // without the cookie (a cross-site post): refused
        assertThat(api().send("POST", "/api/auth/", LastfmTestClient.form(form), "application/x-www-form-urlencoded")
                .status()).isEqualTo(403);
        assertThat(lastfm().get(getSession).json().path("error").asInt()).isEqualTo(14);

        Response approved = postWithCookie("/api/auth/", LastfmTestClient.form(form), cookie);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body()).contains("Access granted");

        Response session = lastfm().get(getSession);
        assertThat(session.json().path("session").path("name").asString()).isEqualTo(user.username());
        assertThat(lastfm().post(scrobble(session.json().path("session").path("key").asString()))
                .json().path("scrobbles").path("@attr").path("accepted").asInt()).isEqualTo(1);
        // a token is exchanged once
        assertThat(lastfm().get(getSession).json().path("error").asInt()).isEqualTo(4);
    }

    @Test
    void approvalWithAWrongPasswordLeavesTheTokenUnapproved() {
        User user = api().newUser();
        String token = lastfm().get(params("method", "auth.getToken", "format", "json")).json().path("token").asString();
        Response page = api().get("/apis/lastfm/auth?token=" + token);
        String cookie = page.header("Set-Cookie").split(";")[0];
        String form = LastfmTestClient.form(Map.of("token", token, "csrf", hidden(page.body(), "csrf"),
                "username", user.username(), "password", "not it at all"));
        Response refused = postWithCookie("/apis/lastfm/auth", form, cookie);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("Wrong username or password");
        assertThat(lastfm().get(params("method", "auth.getSession", "token", token, "format", "json"))
                .json().path("error").asInt()).isEqualTo(14);
    }

    @Test
    void webFlowIssuesTheTokenAndRedirectsBackToTheCallbackAfterApproval() {
        User user = api().newUser();
        String cb = "http://app.example:9078/lastfm/callback?state=1";
        Response page = api().get("/api/auth/?api_key=" + LastfmTestClient.FOREIGN_API_KEY + "&cb="
                + java.net.URLEncoder.encode(cb, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("form-action 'self' http://app.example:9078");
        String token = hidden(page.body(), "token");
        String form = LastfmTestClient.form(Map.of("token", token, "cb", cb, "csrf", hidden(page.body(), "csrf"),
                "username", user.username(), "password", LastfmTestClient.password(user)));
        Response approved = postWithCookie("/api/auth/", form, page.header("Set-Cookie").split(";")[0]);
        assertThat(approved.status()).isEqualTo(303);
        assertThat(approved.header("Location")).isEqualTo(cb + "&token=" + token);
        assertThat(lastfm().get(params("method", "auth.getSession", "token", token, "format", "json"))
                .json().path("session").path("name").asString()).isEqualTo(user.username());
    }

    @Test
    void aNonHttpCallbackIsNotFollowed() {
        Response page = api().get("/api/auth/?cb=javascript:alert(1)");
        assertThat(page.status()).isEqualTo(400);
    }

    @Test
    void unknownTokenShowsAnExpiredLinkPage() {
        Response page = api().get("/api/auth/?token=ffffffffffffffffffffffffffffffff");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Link expired").doesNotContain("<form");
    }

    private Response postWithCookie(String path, String body, String cookie) {
        // the test Api has no cookie jar: a browser would send the cookie it was given
        return LastfmTestClient.postWithCookie(port, path, body, cookie);
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden field %s", name).isTrue();
        return m.group(1);
    }
}
