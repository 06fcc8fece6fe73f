package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.API_TOKENS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.identity.internal.token.TokenSecrets;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** Personal API tokens (docs/api.md#accounts-and-authentication). */
class ApiTokenIntegrationTests extends IntegrationTestBase {

    private JsonNode create(Api.User user, Map<String, Object> body) {
        Api.Response r = user.api().post("/api/v1/me/tokens", body);
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    @Test
    void createdTokenIsShownOnceWithAllScopesByDefault() {
        Api.User user = api().newUser();

        JsonNode token = create(user, Map.of("name", "navidrome"));

        assertThat(token.path("token").asString()).startsWith("tnrm_").hasSize(5 + 43);
        assertThat(token.path("name").asString()).isEqualTo("navidrome");
        assertThat(token.path("scopes").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("listens:write", "listens:read", "stats:read");
        assertThat(token.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        JsonNode listed = user.api().get("/api/v1/me/tokens").json().path("tokens");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asLong()).isEqualTo(token.path("id").asLong());
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(listed.get(0).path("last_used_at").isNull()).isTrue();
    }

    @Test
    void tokenAuthenticatesWithBothHeaderFormsAndCarriesItsScopes() {
        Api.User user = api().newUser();
        String token = create(user, Map.of("name", "script", "scopes", List.of("stats:read"))).path("token").asString();

        Api.Response viaToken = api().auth("Token " + token).get("/api/v1/me");
        Api.Response viaBearer = api().bearer(token).get("/api/v1/me");

        assertThat(viaToken.status()).isEqualTo(200);
        assertThat(viaToken.json().path("username").asString()).isEqualTo(user.username());
        assertThat(viaBearer.status()).isEqualTo(200);
        assertThat(viaBearer.json().path("id").asLong()).isEqualTo(user.id());
        JsonNode listed = user.api().get("/api/v1/me/tokens").json().path("tokens").get(0);
        assertThat(listed.path("scopes").valueStream().map(JsonNode::asString).toList()).containsExactly("stats:read");
        assertThat(listed.path("last_used_at").isString()).isTrue();
    }

    @Test
    void lastUsedIsWrittenAtMostOncePerMinute() {
        Api.User user = api().newUser();
        String token = create(user, Map.of("name", "busy client")).path("token").asString();
        Api client = api().auth("Token " + token);

        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
        Long firstUse = database.dsl().select(API_TOKENS.LAST_USED_AT).from(API_TOKENS)
                .where(API_TOKENS.USER_ID.eq(user.id())).fetchOne(API_TOKENS.LAST_USED_AT);
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
        Long secondUse = database.dsl().select(API_TOKENS.LAST_USED_AT).from(API_TOKENS)
                .where(API_TOKENS.USER_ID.eq(user.id())).fetchOne(API_TOKENS.LAST_USED_AT);

        assertThat(firstUse).isNotNull().isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(secondUse).isEqualTo(firstUse);
    }

    @Test
    void deletedTokenIsRejected() {
        Api.User user = api().newUser();
        JsonNode created = create(user, Map.of("name", "old phone"));
        String token = created.path("token").asString();
        assertThat(api().auth("Token " + token).get("/api/v1/me").status()).isEqualTo(200);

        Api.Response deleted = user.api().delete("/api/v1/me/tokens/" + created.path("id").asLong());

        assertThat(deleted.status()).isEqualTo(204);
        Api.Response after = api().auth("Token " + token).get("/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
        assertThat(user.api().get("/api/v1/me/tokens").json().path("tokens")).isEmpty();
    }

    @Test
    void anotherUsersTokenIdIsNotFoundAndStaysValid() {
        Api.User owner = api().newUser();
        Api.User stranger = api().newUser();
        JsonNode created = create(owner, Map.of("name", "mine"));

        Api.Response r = stranger.api().delete("/api/v1/me/tokens/" + created.path("id").asLong());

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(api().bearer(created.path("token").asString()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(stranger.api().get("/api/v1/me/tokens").json().path("tokens")).isEmpty();
    }

    @Test
    void databaseHoldsOnlyDigestsOfTheToken() {
        Api.User user = api().newUser();
        String token = create(user, Map.of("name", "digest check")).path("token").asString();

        var row = database.dsl().selectFrom(API_TOKENS).where(API_TOKENS.USER_ID.eq(user.id())).fetchOne();

        assertThat(row.getTokenSha256()).isEqualTo(TokenSecrets.sha256Hex(token)).doesNotContain(token);
        assertThat(row.getTokenMd5()).isEqualTo(TokenSecrets.md5Hex(token)).hasSize(32);
        assertThat(row.intoList()).noneMatch(value -> value != null && value.toString().contains(token.substring(5)));
    }

    @Test
    void unknownScopeIsRejectedNamingTheField() {
        Api.User user = api().newUser();

        Api.Response r = user.api().post("/api/v1/me/tokens", Map.of("name", "x", "scopes", List.of("stats:read", "admin")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("scopes[1]");
    }

    @Test
    void missingNameIsRejected() {
        Api.Response r = api().newUser().api().post("/api/v1/me/tokens", Map.of("name", "  "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
    }

    @Test
    void anApiTokenCannotMintMoreTokens() {
        Api.User user = api().newUser();
        String token = create(user, Map.of("name", "scrobbler")).path("token").asString();

        Api.Response r = api().auth("Token " + token).post("/api/v1/me/tokens", Map.of("name", "escalated"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("code").asString()).isEqualTo("PERMISSION_DENIED");
    }
}
