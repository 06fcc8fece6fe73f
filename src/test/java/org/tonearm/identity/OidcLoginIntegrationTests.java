package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.OIDC_LOGIN_STATES;
import static org.tonearm.schema.Tables.USERS;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.tonearm.identity.internal.token.TokenSecrets;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * OpenID Connect login end to end (docs/api.md#accounts-and-authentication) against a real provider started by the test ({@link OidcTestProvider},
 * Spring Authorization Server): Tonearm's redirect, the provider's login form, the provider's redirect back, and
 * Tonearm's callback, all over HTTP. A second provider, {@code down}, points at a port where nothing listens.
 */
class OidcLoginIntegrationTests extends IntegrationTestBase {

    static final MovableClock CLOCK = new MovableClock();

    /** Tonearm's clock for OIDC logins, moved by the expiry tests instead of sleeping 10 minutes. */
    @TestBean(name = "oidcClock")
    Clock oidcClock;

    static Clock oidcClock() {
        return CLOCK;
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("tonearm.oidc.providers.sas.issuer-uri", OidcTestProvider::issuer);
        registry.add("tonearm.oidc.providers.sas.client-id", () -> OidcTestProvider.CLIENT_ID);
        registry.add("tonearm.oidc.providers.sas.client-secret", () -> OidcTestProvider.CLIENT_SECRET);
        registry.add("tonearm.oidc.providers.sas.display-name", () -> "Test provider");
        registry.add("tonearm.oidc.providers.down.issuer-uri", () -> "http://127.0.0.1:1");
        registry.add("tonearm.oidc.providers.down.client-id", () -> "tonearm");
    }

    @BeforeEach
    void resetClock() {
        CLOCK.offset = Duration.ZERO;
    }

    private URI tonearm(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Starts a login at Tonearm; returns the provider's authorization URL Tonearm redirected to. */
    private URI authorize(OidcBrowser browser) {
        HttpResponse<String> r = browser.get(tonearm("/api/v1/auth/oidc/sas/authorize"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return URI.create(r.headers().firstValue("Location").orElseThrow());
    }

    /** Tonearm's callback, called the way the browser would after the provider's redirect. */
    private Api.Response callback(URI callback) {
        return api().get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    /** The whole login of {@code login} at the provider; returns Tonearm's answer to the callback. */
    private Api.Response logIn(String login) {
        OidcBrowser browser = new OidcBrowser();
        return callback(browser.logInAtProvider(authorize(browser), login, OidcTestProvider.PASSWORD));
    }

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).isEqualTo(code);
    }

    private JsonNode me(Api.Response session) {
        return api().bearer(session.json().path("access_token").asString()).get("/api/v1/me").json();
    }

    @Test
    void authorizeRedirectsToTheProviderWithPkceS256StateAndNonce() {
        URI location = authorize(new OidcBrowser());
        Map<String, String> q = OidcBrowser.query(location);

        assertThat(location.toString()).startsWith(OidcTestProvider.issuer() + "/oauth2/authorize?");
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", OidcTestProvider.CLIENT_ID)
                .containsEntry("redirect_uri", "http://127.0.0.1:" + port + "/api/v1/auth/oidc/sas/callback")
                .containsEntry("code_challenge_method", "S256");
        assertThat(q.get("scope").split(" ")).contains("openid", "email", "profile");
        // RFC 7636 §4.2: BASE64URL(SHA-256(verifier)) is 43 characters
        assertThat(q.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        // 256 random bits each, base64url
        assertThat(q.get("state")).matches("[A-Za-z0-9_-]{43}");
        assertThat(q.get("nonce")).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(q.get("state"));
        // the state is kept only as its hash
        assertThat(database.dsl().fetchCount(OIDC_LOGIN_STATES, OIDC_LOGIN_STATES.STATE_SHA256.eq(q.get("state")))).isZero();
        assertThat(database.dsl().fetchCount(OIDC_LOGIN_STATES,
                OIDC_LOGIN_STATES.STATE_SHA256.eq(TokenSecrets.sha256Hex(q.get("state"))))).isOne();
    }

    /** docs/web.md#openid-connect: begun from the web login page, the same callback ends in a web session. */
    @Test
    void aLoginBegunOnTheWebLoginPageEndsInAWebSession() {
        OidcBrowser browser = new OidcBrowser();
        HttpResponse<String> begin = browser.get(tonearm("/login/oidc/sas"));
        assertThat(begin.statusCode()).isEqualTo(302);
        assertThat(begin.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/auth/oidc/sas/authorize");
        URI callback = browser.logInAtProvider(authorize(browser), "wendy", OidcTestProvider.PASSWORD);

        HttpResponse<String> handOver = browser.get(callback);
        assertThat(handOver.statusCode()).as(handOver.body()).isEqualTo(302);
        String web = handOver.headers().firstValue("Location").orElseThrow();
        assertThat(web).startsWith("/login/oidc/sas/callback?code=");
        HttpResponse<String> done = browser.get(tonearm(web));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> settings = browser.get(tonearm("/settings"));
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("value=\"Wendy Web\"");
        // the code was not spent by the hand-over, and it is single use: replaying it fails back to the login page
        HttpResponse<String> replay = browser.get(tonearm(web));
        assertThat(replay.headers().firstValue("Location").orElseThrow()).endsWith("/login?oidc_error");
    }

    @Test
    void providersAreListedForAnyone() {
        Api.Response r = api().get("/api/v1/auth/oidc/providers");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("providers").toString()).isEqualTo("[{\"id\":\"down\",\"display_name\":\"down\","
                + "\"authorize_url\":\"/api/v1/auth/oidc/down/authorize\"},{\"id\":\"sas\",\"display_name\":\"Test provider\","
                + "\"authorize_url\":\"/api/v1/auth/oidc/sas/authorize\"}]");
    }

    @Test
    void firstLoginCreatesAnAccountAndTheNextOneReusesIt() {
        Api.Response first = logIn("zoe");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).contains("no-store");
        assertThat(first.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(first.json().path("expires_in").asLong()).isEqualTo(3600);
        assertThat(first.json().path("refresh_token").asString()).isNotBlank();
        JsonNode me = me(first);
        assertThat(me.path("username").asString()).startsWith("zoe-newcomer");
        assertThat(me.path("email").asString()).isEqualTo(OidcTestProvider.person("zoe").email());
        assertThat(me.path("display_name").asString()).isEqualTo("Zoë Newcomer");
        assertThat(me.path("role").asString()).isEqualTo("USER");

        Api.Response second = logIn("zoe");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("user").path("id").asLong()).isEqualTo(first.json().path("user").path("id").asLong());
        // a normal session: its refresh token rotates like a password login's
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token",
                second.json().path("refresh_token").asString())).status()).isEqualTo(200);
    }

    @Test
    void verifiedEmailLinksTheExistingAccount() {
        String username = RegistrationIntegrationTests.uniqueName();
        Api.Response registered = api().post("/api/v1/auth/register", Map.of("username", username,
                "password", "a fine password", "email", OidcTestProvider.person("linda").email()));
        long id = registered.json().path("user").path("id").asLong();

        Api.Response viaProvider = logIn("linda");

        assertThat(viaProvider.status()).as(viaProvider.body()).isEqualTo(200);
        assertThat(viaProvider.json().path("user").path("id").asLong()).isEqualTo(id);
        assertThat(viaProvider.json().path("user").path("username").asString()).isEqualTo(username);
        // the password keeps working next to the provider
        assertThat(api().post("/api/v1/auth/login", Map.of("username", username, "password", "a fine password"))
                .status()).isEqualTo(200);
        assertThat(logIn("linda").json().path("user").path("id").asLong()).isEqualTo(id);
    }

    @Test
    void unverifiedEmailOfAnExistingAccountIsRefusedAndNotLinked() {
        String victim = RegistrationIntegrationTests.uniqueName();
        Api.Response registered = api().post("/api/v1/auth/register", Map.of("username", victim,
                "password", "a fine password", "email", OidcTestProvider.person("mallory").email()));
        assertThat(registered.status()).isEqualTo(201);

        Api.Response refused = logIn("mallory");

        assertProblem(refused, 403, "PERMISSION_DENIED");
        assertThat(refused.json().path("detail").asString()).contains("not verified");
        assertThat(refused.body()).doesNotContain("access_token");
        // nothing was linked: the next attempt is refused the same way
        assertProblem(logIn("mallory"), 403, "PERMISSION_DENIED");
    }

    @Test
    void unverifiedEmailWithoutAnAccountGetsAnAccountWithoutThatEmail() {
        Api.Response r = logIn("drew");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode me = me(r);
        assertThat(me.path("username").asString()).startsWith("drew");
        // an unverified address must not be able to win a later verified-email link
        assertThat(me.path("email").isNull()).isTrue();
    }

    @Test
    void closedRegistrationRefusesSomeoneWithoutAnAccount() {
        Api.User admin = Admins.create(api(), database);
        assertThat(admin.api().send("PUT", "/api/v1/admin/registration", "{\"mode\":\"closed\"}", "application/json")
                .status()).isEqualTo(200);
        try {
            Api.Response refused = logIn("carl");

            assertProblem(refused, 403, "PERMISSION_DENIED");
            assertThat(refused.json().path("detail").asString()).contains("closed");
        } finally {
            admin.api().send("PUT", "/api/v1/admin/registration", "{\"mode\":null}", "application/json");
        }
    }

    @Test
    void wrongStateIsRefusedAndLeavesTheRealLoginUsable() {
        OidcBrowser browser = new OidcBrowser();
        URI back = browser.logInAtProvider(authorize(browser), "walker", OidcTestProvider.PASSWORD);
        Map<String, String> q = OidcBrowser.query(back);
        String forged = "/api/v1/auth/oidc/sas/callback?code=" + OidcBrowser.enc(q.get("code"))
                + "&state=" + OidcBrowser.enc(q.get("state") + "x");

        Api.Response refused = api().get(forged);

        assertProblem(refused, 400, "VALIDATION_ERROR");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("state");
        assertThat(api().get("/api/v1/auth/oidc/sas/callback?code=x").status()).isEqualTo(400);
        assertThat(callback(back).status()).isEqualTo(200);
    }

    @Test
    void aStateWorksOnlyOnce() {
        OidcBrowser browser = new OidcBrowser();
        URI back = browser.logInAtProvider(authorize(browser), "walker", OidcTestProvider.PASSWORD);
        assertThat(callback(back).status()).isEqualTo(200);

        Api.Response replay = callback(back);

        assertProblem(replay, 400, "VALIDATION_ERROR");
        assertThat(replay.json().path("detail").asString()).contains("already used");
    }

    @Test
    void stateExpiresAfterTenMinutes() {
        OidcBrowser browser = new OidcBrowser();
        URI atProvider = authorize(browser);
        CLOCK.offset = Duration.ofMinutes(10);
        URI back = browser.logInAtProvider(atProvider, "walker", OidcTestProvider.PASSWORD);

        Api.Response expired = callback(back);

        assertProblem(expired, 400, "VALIDATION_ERROR");
        assertThat(expired.json().path("detail").asString()).contains("expired").contains("10 minutes");
    }

    @Test
    void stateIsStillValidJustBeforeTenMinutes() {
        OidcBrowser browser = new OidcBrowser();
        URI atProvider = authorize(browser);
        // 30 s of margin for the provider round trips on a slow machine
        CLOCK.offset = Duration.ofMinutes(10).minusSeconds(30);
        URI back = browser.logInAtProvider(atProvider, "walker", OidcTestProvider.PASSWORD);

        assertThat(callback(back).status()).isEqualTo(200);
    }

    @Test
    void aCallbackWithoutCodeOrStateIsRefusedNamingTheMissingParameter() {
        Api.Response bare = api().get("/api/v1/auth/oidc/sas/callback");
        assertProblem(bare, 400, "VALIDATION_ERROR");
        assertThat(bare.json().path("errors").get(0).path("field").asString()).isEqualTo("state");

        String state = OidcBrowser.query(authorize(new OidcBrowser())).get("state");
        Api.Response noCode = api().get("/api/v1/auth/oidc/sas/callback?state=" + OidcBrowser.enc(state));
        assertProblem(noCode, 400, "VALIDATION_ERROR");
        assertThat(noCode.json().path("errors").get(0).path("field").asString()).isEqualTo("code");
        // the state was spent by that attempt: a later callback with it starts over
        Api.Response again = api().get("/api/v1/auth/oidc/sas/callback?code=x&state=" + OidcBrowser.enc(state));
        assertProblem(again, 400, "VALIDATION_ERROR");
        assertThat(again.json().path("errors").get(0).path("field").asString()).isEqualTo("state");
    }

    @Test
    void aRefusalAtTheProviderOrAForgedCodeLogsNobodyIn() {
        String state = OidcBrowser.query(authorize(new OidcBrowser())).get("state");
        Api.Response denied = api().get("/api/v1/auth/oidc/sas/callback?error=access_denied&state=" + OidcBrowser.enc(state));
        assertProblem(denied, 401, "AUTH_INVALID_CREDENTIALS");
        assertThat(denied.json().path("detail").asString()).contains("access_denied");

        String other = OidcBrowser.query(authorize(new OidcBrowser())).get("state");
        Api.Response forged = api().get("/api/v1/auth/oidc/sas/callback?code=" + UUID.randomUUID()
                + "&state=" + OidcBrowser.enc(other));
        // the provider refuses the code (invalid_grant)
        assertProblem(forged, 401, "AUTH_INVALID_CREDENTIALS");
    }

    @Test
    void anIdTokenWithAnotherLoginsNonceOrExpiredIsRefused() {
        for (String login : new String[] {OidcTestProvider.NONCE_MISMATCH, OidcTestProvider.EXPIRED_ID_TOKEN}) {
            Api.Response refused = logIn(login);

            assertProblem(refused, 401, "AUTH_TOKEN_INVALID");
            assertThat(refused.json().path("detail").asString()).contains("ID token");
            // nobody was provisioned from it
            assertThat(database.dsl().fetchCount(USERS, USERS.USERNAME.startsWith(login))).isZero();
        }
    }

    @Test
    void unknownProviderIsNotFoundAndAnUnreachableOneIsAnExternalError() {
        assertProblem(api().get("/api/v1/auth/oidc/nope/authorize"), 404, "RESOURCE_NOT_FOUND");
        assertProblem(api().get("/api/v1/auth/oidc/nope/callback?code=a&state=b"), 404, "RESOURCE_NOT_FOUND");
        // the application started although this provider is down; only its logins fail
        assertProblem(api().get("/api/v1/auth/oidc/down/authorize"), 502, "EXTERNAL_SERVICE_ERROR");
    }

    /** The system clock plus an offset the test sets. */
    static final class MovableClock extends Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
