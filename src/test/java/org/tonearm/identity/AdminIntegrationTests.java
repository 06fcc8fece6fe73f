package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/admin/users} (docs/api.md#accounts-and-authentication: admins manage users). */
class AdminIntegrationTests extends IntegrationTestBase {

    private static final String PASSWORD = "a fine password";

    private Api.Response createUser(Api admin, String name) {
        return admin.post("/api/v1/admin/users", Map.of("username", name, "password", PASSWORD, "email", name + "@example.org"));
    }

    private Api.Response login(String name, String password) {
        return api().post("/api/v1/auth/login", Map.of("username", name, "password", password));
    }

    @Test
    void onlyAdminsWithALoginSessionMayManageUsers() {
        Api.User user = api().newUser();
        Api.User admin = Admins.create(api(), database);
        String adminToken = admin.api().post("/api/v1/me/tokens", Map.of("name", "scraper")).json().path("token").asString();

        assertThat(api().get("/api/v1/admin/users").status()).isEqualTo(401);
        Api.Response asUser = user.api().get("/api/v1/admin/users");
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.json().path("code").asString()).isEqualTo("PERMISSION_DENIED");
        assertThat(api().auth("Token " + adminToken).get("/api/v1/admin/users").status()).isEqualTo(403);
        assertThat(admin.api().get("/api/v1/admin/users").status()).isEqualTo(200);
    }

    @Test
    void adminCreatesAUserWhoCanLogInAndSeesThemListed() {
        Api admin = Admins.create(api(), database).api();
        String name = RegistrationIntegrationTests.uniqueName();

        Api.Response created = createUser(admin, name);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("role").asString()).isEqualTo("USER");
        assertThat(created.json().has("password_hash")).isFalse();
        assertThat(login(name, PASSWORD).status()).isEqualTo(200);
        JsonNode page = admin.get("/api/v1/admin/users?limit=500").json();
        assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("users").valueStream().map(u -> u.path("username").asString())).contains(name);
    }

    @Test
    void createdUsersFollowThePasswordRulesAndUniqueNames() {
        Api admin = Admins.create(api(), database).api();
        String name = RegistrationIntegrationTests.uniqueName();

        Api.Response common = admin.post("/api/v1/admin/users", Map.of("username", name, "password", "trustno1"));
        assertThat(common.status()).isEqualTo(400);
        assertThat(createUser(admin, name).status()).isEqualTo(201);
        assertThat(createUser(admin, name).status()).isEqualTo(409);
    }

    @Test
    void disablingAUserEndsTheirSessionsAndLoginsUntilEnabledAgain() {
        Api admin = Admins.create(api(), database).api();
        Api.User user = api().newUser();
        String password = "correct horse battery " + user.username();

        Api.Response disabled = admin.patch("/api/v1/admin/users/" + user.id(), Map.of("disabled", true));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(login(user.username(), password).status()).isEqualTo(401);

        admin.patch("/api/v1/admin/users/" + user.id(), Map.of("disabled", false));
        assertThat(login(user.username(), password).status()).isEqualTo(200);
    }

    @Test
    void promotedUserGetsAdminRightsAndDemotedLosesThemAtOnce() {
        Api admin = Admins.create(api(), database).api();
        Api.User user = api().newUser();

        assertThat(admin.patch("/api/v1/admin/users/" + user.id(), Map.of("role", "ADMIN")).json().path("role").asString())
                .isEqualTo("ADMIN");
        assertThat(user.api().get("/api/v1/admin/users").status()).isEqualTo(200);

        admin.patch("/api/v1/admin/users/" + user.id(), Map.of("role", "USER"));
        assertThat(user.api().get("/api/v1/admin/users").status()).isEqualTo(403);
        assertThat(admin.patch("/api/v1/admin/users/" + user.id(), Map.of("role", "ROOT")).status()).isEqualTo(400);
    }

    @Test
    void resetPasswordEndsTheUsersSessionsAndTheNewPasswordWorks() {
        Api admin = Admins.create(api(), database).api();
        Api.User user = api().newUser();

        Api.Response reset = admin.post("/api/v1/admin/users/" + user.id() + "/password", Map.of("password", "brand new secret words"));

        assertThat(reset.status()).isEqualTo(204);
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(login(user.username(), "brand new secret words").status()).isEqualTo(200);
    }

    @Test
    void deletedUserIsGoneAndUnknownIdsAreNotFound() {
        Api admin = Admins.create(api(), database).api();
        Api.User user = api().newUser();

        assertThat(admin.delete("/api/v1/admin/users/" + user.id()).status()).isEqualTo(204);

        assertThat(admin.get("/api/v1/admin/users/" + user.id()).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/admin/users/" + user.id()).status()).isEqualTo(404);
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void adminViewOfAUserHasNoSecretsAndNoHistory() {
        Api admin = Admins.create(api(), database).api();
        Api.User user = api().newUser();

        JsonNode seen = admin.get("/api/v1/admin/users/" + user.id()).json();

        assertThat(seen.path("username").asString()).isEqualTo(user.username());
        assertThat(seen.propertyNames()).containsExactlyInAnyOrder("id", "username", "email", "display_name", "role",
                "disabled", "created_at");
    }

    @Test
    void inviteModeAdmitsExactlyOneAccountPerCode() {
        Api admin = Admins.create(api(), database).api();
        try {
            assertThat(admin.send("PUT", "/api/v1/admin/registration", "{\"mode\":\"invite\"}", "application/json")
                    .json().path("mode").asString()).isEqualTo("invite");
            Api.Response invite = admin.post("/api/v1/admin/invites", Map.of("note", "for my sister"));
            assertThat(invite.status()).isEqualTo(201);
            String code = invite.json().path("code").asString();

            Api.Response without = register(null);
            Api.Response wrongCode = register("not-a-code");
            Api.Response admitted = register(code);
            Api.Response reused = register(code);

            assertThat(without.status()).isEqualTo(403);
            assertThat(wrongCode.status()).isEqualTo(400);
            assertThat(wrongCode.json().path("errors").get(0).path("field").asString()).isEqualTo("invite_code");
            assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
            assertThat(reused.status()).isEqualTo(400);
            JsonNode listed = admin.get("/api/v1/admin/invites").json().path("invites").valueStream()
                    .filter(i -> i.path("id").asLong() == invite.json().path("id").asLong()).findFirst().orElseThrow();
            assertThat(listed.path("used_by").asLong()).isEqualTo(admitted.json().path("user").path("id").asLong());
            assertThat(listed.path("code").isNull()).isTrue();
        } finally {
            admin.send("PUT", "/api/v1/admin/registration", "{\"mode\":null}", "application/json");
        }
    }

    @Test
    void closedModeSetByAnAdminRefusesSignUpsAndResetReturnsToTheConfiguredMode() {
        Api admin = Admins.create(api(), database).api();
        try {
            admin.send("PUT", "/api/v1/admin/registration", "{\"mode\":\"closed\"}", "application/json");
            assertThat(register(null).status()).isEqualTo(403);
        } finally {
            Api.Response reset = admin.send("PUT", "/api/v1/admin/registration", "{\"mode\":null}", "application/json");
            assertThat(reset.json().path("mode").asString()).isEqualTo("open");
        }
        assertThat(register(null).status()).isEqualTo(201);
        assertThat(admin.send("PUT", "/api/v1/admin/registration", "{\"mode\":\"sometimes\"}", "application/json").status())
                .isEqualTo(400);
    }

    private Api.Response register(String inviteCode) {
        Map<String, Object> body = new HashMap<>(Map.of("username", RegistrationIntegrationTests.uniqueName(), "password", PASSWORD));
        if (inviteCode != null) {
            body.put("invite_code", inviteCode);
        }
        return api().post("/api/v1/auth/register", body);
    }
}
