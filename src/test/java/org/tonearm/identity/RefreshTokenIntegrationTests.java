package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.REFRESH_TOKENS;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** docs/api.md#accounts-and-authentication: the refresh token rotates on every use; reuse of a rotated one revokes the whole family. */
class RefreshTokenIntegrationTests extends IntegrationTestBase {

    private JsonNode session() {
        String name = RegistrationIntegrationTests.uniqueName();
        Api.Response r = api().post("/api/v1/auth/register", Map.of("username", name, "password", "a fine password"));
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    private Api.Response refresh(String token) {
        return api().post("/api/v1/auth/refresh", Map.of("refresh_token", token));
    }

    @Test
    void refreshAnswersANewSessionWithANewRefreshToken() {
        JsonNode start = session();
        String first = start.path("refresh_token").asString();

        Api.Response r = refresh(first);

        assertThat(r.status()).isEqualTo(200);
        JsonNode next = r.json();
        assertThat(next.path("refresh_token").asString()).isNotEqualTo(first);
        assertThat(next.path("user").path("id").asLong()).isEqualTo(start.path("user").path("id").asLong());
        assertThat(api().bearer(next.path("access_token").asString()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(refresh(next.path("refresh_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        String first = session().path("refresh_token").asString();
        String second = refresh(first).json().path("refresh_token").asString();

        Api.Response reuse = refresh(first);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
        // the legitimate newest token of that family is dead too
        assertThat(refresh(second).status()).isEqualTo(401);
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        Api.Response r = refresh("bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtYWJjZGVmZ2hpams");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
    }

    @Test
    void onlyHashesOfRefreshTokensAreStored() {
        String token = session().path("refresh_token").asString();
        assertThat(database.dsl().fetchCount(REFRESH_TOKENS, REFRESH_TOKENS.TOKEN_SHA256.eq(token))).isZero();
        assertThat(database.dsl().fetchCount(REFRESH_TOKENS,
                REFRESH_TOKENS.TOKEN_SHA256.eq(org.tonearm.identity.internal.token.TokenSecrets.sha256Hex(token)))).isEqualTo(1);
    }

    @Test
    void logoutWithARefreshTokenRevokesOnlyThatLogin() {
        JsonNode start = session();
        String username = start.path("user").path("username").asString();
        String other = api().post("/api/v1/auth/login", Map.of("username", username, "password", "a fine password"))
                .json().path("refresh_token").asString();
        Api authed = api().bearer(start.path("access_token").asString());

        Api.Response out = authed.post("/api/v1/auth/logout", Map.of("refresh_token", start.path("refresh_token").asString()));

        assertThat(out.status()).isEqualTo(204);
        assertThat(refresh(start.path("refresh_token").asString()).status()).isEqualTo(401);
        assertThat(refresh(other).status()).isEqualTo(200);
    }

    @Test
    void logoutWithoutBodyRevokesEveryLoginOfTheUser() {
        JsonNode start = session();
        String username = start.path("user").path("username").asString();
        String other = api().post("/api/v1/auth/login", Map.of("username", username, "password", "a fine password"))
                .json().path("refresh_token").asString();

        Api.Response out = api().bearer(start.path("access_token").asString()).send("POST", "/api/v1/auth/logout", null, null);

        assertThat(out.status()).isEqualTo(204);
        assertThat(refresh(start.path("refresh_token").asString()).status()).isEqualTo(401);
        assertThat(refresh(other).status()).isEqualTo(401);
    }

    @Test
    void logoutNeedsAuthentication() {
        Api.Response r = api().send("POST", "/api/v1/auth/logout", null, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
    }
}
