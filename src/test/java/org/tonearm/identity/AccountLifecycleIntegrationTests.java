package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.API_TOKENS;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;
import static org.tonearm.schema.Tables.REFRESH_TOKENS;
import static org.tonearm.schema.Tables.STATS_DAY;
import static org.tonearm.schema.Tables.STATS_DAY_HOUR;
import static org.tonearm.schema.Tables.STATS_DAY_TRACK;
import static org.tonearm.schema.Tables.STATS_HOUR;
import static org.tonearm.schema.Tables.STATS_TRACK;
import static org.tonearm.schema.Tables.USERS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** Password change, common passwords, login lock and account deletion (docs/api.md#accounts-and-authentication). */
class AccountLifecycleIntegrationTests extends IntegrationTestBase {

    private static final String PASSWORD = "a fine password";

    private record Login(String username, JsonNode session) {
        String access() {
            return session.path("access_token").asString();
        }

        String refresh() {
            return session.path("refresh_token").asString();
        }
    }

    private Login register() {
        String name = RegistrationIntegrationTests.uniqueName();
        Api.Response r = api().post("/api/v1/auth/register", Map.of("username", name, "password", PASSWORD));
        assertThat(r.status()).isEqualTo(201);
        return new Login(name, r.json());
    }

    private Login login(String name, String password) {
        Api.Response r = api().post("/api/v1/auth/login", Map.of("username", name, "password", password));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Login(name, r.json());
    }

    @Test
    void registrationWithACommonPasswordIsRefusedNamingThePassword() {
        Api.Response r = api().post("/api/v1/auth/register",
                Map.of("username", RegistrationIntegrationTests.uniqueName(), "password", "Password123"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
        assertThat(r.json().path("errors").get(0).path("message").asString()).contains("too common");
    }

    @Test
    void passwordChangeEndsEveryOtherSessionAndKeepsThisOne() {
        Login first = register();
        Login second = login(first.username(), PASSWORD);

        Api.Response changed = api().bearer(second.access()).post("/api/v1/me/password",
                Map.of("current_password", PASSWORD, "new_password", "an even finer password"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        String fresh = changed.json().path("access_token").asString();
        assertThat(api().bearer(fresh).get("/api/v1/me").status()).isEqualTo(200);
        for (Login old : List.of(first, second)) {
            Api.Response me = api().bearer(old.access()).get("/api/v1/me");
            assertThat(me.status()).isEqualTo(401);
            assertThat(me.json().path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
            assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", old.refresh())).status()).isEqualTo(401);
        }
        assertThat(api().post("/api/v1/auth/refresh",
                Map.of("refresh_token", changed.json().path("refresh_token").asString())).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/login", Map.of("username", first.username(), "password", PASSWORD)).status())
                .isEqualTo(401);
        login(first.username(), "an even finer password");
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        Login user = register();

        Api.Response wrong = api().bearer(user.access()).post("/api/v1/me/password",
                Map.of("current_password", "not my password", "new_password", "an even finer password"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("code").asString()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(api().bearer(user.access()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void newPasswordFollowsThePasswordRules() {
        Login user = register();

        Api.Response common = api().bearer(user.access()).post("/api/v1/me/password",
                Map.of("current_password", PASSWORD, "new_password", "qwertyuiop"));
        Api.Response ownName = api().bearer(user.access()).post("/api/v1/me/password",
                Map.of("current_password", PASSWORD, "new_password", user.username()));

        assertThat(common.status()).isEqualTo(400);
        assertThat(common.json().path("errors").get(0).path("field").asString()).isEqualTo("new_password");
        assertThat(ownName.status()).isEqualTo(400);
        login(user.username(), PASSWORD);
    }

    @Test
    void fiveFailedLoginsLockTheAccountEvenForTheRightPassword() {
        Login user = register();
        for (int i = 0; i < 5; i++) {
            assertThat(api().post("/api/v1/auth/login", Map.of("username", user.username(), "password", "wrong " + i))
                    .status()).isEqualTo(401);
        }

        Api.Response locked = api().post("/api/v1/auth/login", Map.of("username", user.username(), "password", PASSWORD));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(29 * 60L, 30 * 60L);
        // sessions that already exist are not affected by the lock
        assertThat(api().bearer(user.access()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aLockLooksTheSameForAnAccountThatDoesNotExist() {
        Login real = register();
        String ghost = RegistrationIntegrationTests.uniqueName();
        for (int i = 0; i < 5; i++) {
            api().post("/api/v1/auth/login", Map.of("username", real.username(), "password", "wrong " + i));
            api().post("/api/v1/auth/login", Map.of("username", ghost, "password", "wrong " + i));
        }

        Api.Response realLocked = api().post("/api/v1/auth/login", Map.of("username", real.username(), "password", "x"));
        Api.Response ghostLocked = api().post("/api/v1/auth/login", Map.of("username", ghost, "password", "x"));

        assertThat(ghostLocked.status()).isEqualTo(realLocked.status()).isEqualTo(429);
        assertThat(ghostLocked.json().path("detail")).isEqualTo(realLocked.json().path("detail"));
        assertThat(ghostLocked.header("Retry-After")).isNotNull();
    }

    @Test
    void deletingTheAccountRemovesTheUserAndAllTheirRows() {
        Login user = register();
        long id = user.session().path("user").path("id").asLong();
        Api.Response token = api().bearer(user.access()).post("/api/v1/me/tokens", Map.of("name", "scrobbler"));
        assertThat(token.status()).isEqualTo(201);
        // two listens of the same play from two sources: one listen row and one absorbed source row
        for (String service : List.of("spotify", "apple_music")) {
            assertThat(api().bearer(user.access()).post("/api/v1/listens", Map.of("artist", "Gone Artist",
                    "track", "Gone Track", "listened_at", 1_600_000_000L, "service", service)).status()).isIn(200, 201);
        }
        Login bystander = register();
        assertThat(api().bearer(bystander.access()).post("/api/v1/listens", Map.of("artist", "Gone Artist",
                "track", "Gone Track", "listened_at", 1_600_000_000L)).status()).isEqualTo(201);
        long bystanderId = bystander.session().path("user").path("id").asLong();
        assertThat(database.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(id))).isEqualTo(1);
        assertThat(database.dsl().fetchCount(LISTEN_SOURCES, LISTEN_SOURCES.USER_ID.eq(id))).isEqualTo(1);

        Api.Response noPassword = api().bearer(user.access()).delete("/api/v1/me");
        assertThat(noPassword.status()).isEqualTo(401);

        Api.Response deleted = api().bearer(user.access()).send("DELETE", "/api/v1/me",
                Api.JSON.writeValueAsString(Map.of("password", PASSWORD)), "application/json");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(database.dsl().fetchCount(USERS, USERS.ID.eq(id))).isZero();
        assertThat(database.dsl().fetchCount(API_TOKENS, API_TOKENS.USER_ID.eq(id))).isZero();
        assertThat(database.dsl().fetchCount(REFRESH_TOKENS, REFRESH_TOKENS.USER_ID.eq(id))).isZero();
        assertThat(database.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(id))).isZero();
        assertThat(database.dsl().fetchCount(LISTEN_SOURCES, LISTEN_SOURCES.USER_ID.eq(id))).isZero();
        assertThat(database.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(bystanderId))).isEqualTo(1);
        // the statistics' rollups go too (on PostgreSQL by a trigger, not a foreign key: changeset
        // 202612071300-stats-rollups-user-reference); the bystander's stay
        for (org.jooq.Table<?> rollup : List.of(STATS_DAY_TRACK, STATS_DAY_HOUR, STATS_DAY, STATS_TRACK, STATS_HOUR)) {
            org.jooq.Field<Long> owner = rollup.field("user_id", Long.class);
            assertThat(database.dsl().fetchCount(rollup, owner.eq(id))).as(rollup.getName()).isZero();
            assertThat(database.dsl().fetchCount(rollup, owner.eq(bystanderId))).as(rollup.getName()).isPositive();
        }
        assertThat(api().bearer(user.access()).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().auth("Token " + token.json().path("token").asString()).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/login", Map.of("username", user.username(), "password", PASSWORD)).status())
                .isEqualTo(401);
    }

    @Test
    void logoutWithoutBodyEndsTheAccessTokensToo() {
        Login user = register();

        assertThat(api().bearer(user.access()).send("POST", "/api/v1/auth/logout", null, null).status()).isEqualTo(204);

        assertThat(api().bearer(user.access()).get("/api/v1/me").status()).isEqualTo(401);
    }
}
