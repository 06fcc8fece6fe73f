package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.USERS;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** docs/api.md#accounts-and-authentication, #conventions registration, with {@code tonearm.registration=open} (the test default). */
class RegistrationIntegrationTests extends IntegrationTestBase {

    static String uniqueName() {
        return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private Api.Response register(String username, String password) {
        return api().post("/api/v1/auth/register", Map.of("username", username, "password", password));
    }

    @Test
    void firstAccountOfTheInstanceIsTheOnlyAdminAndLaterOnesAreUsers() {
        boolean emptyInstance = !database.dsl().fetchExists(USERS);
        Api.Response first = register(uniqueName(), "first password here");
        Api.Response second = register(uniqueName(), "second password here");

        assertThat(first.status()).isEqualTo(201);
        if (emptyInstance) {
            assertThat(first.json().path("user").path("role").asString()).isEqualTo("ADMIN");
        }
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("user").path("role").asString()).isEqualTo("USER");
        // whichever test registered first in this JVM: the oldest account is the one and only ADMIN
        assertThat(database.dsl().select(USERS.ROLE).from(USERS).orderBy(USERS.ID).limit(1).fetchOne(USERS.ROLE))
                .isEqualTo("ADMIN");
        // no count of ADMINs: other tests of this shared database promote users to ADMIN on purpose (Admins)
    }

    @Test
    void registrationAnswersTheSpecShapeWithWorkingTokens() {
        String name = uniqueName();
        Api.Response r = register(name, "a fine password");

        assertThat(r.status()).isEqualTo(201);
        JsonNode json = r.json();
        assertThat(json.path("user").path("id").asLong()).isPositive();
        assertThat(json.path("user").path("username").asString()).isEqualTo(name);
        assertThat(json.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(json.path("refresh_token").asString()).hasSizeGreaterThanOrEqualTo(43);
        Api.Response me = api().bearer(json.path("access_token").asString()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asString()).isEqualTo(name);
    }

    @Test
    void usernamesCollideIgnoringCase() {
        String name = uniqueName();
        assertThat(register(name, "a fine password").status()).isEqualTo(201);

        Api.Response again = register(name.toUpperCase(), "another password");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("RESOURCE_CONFLICT");
    }

    @Test
    void mixedCaseUsernameIsStoredAndShownLowerCased() {
        String name = "Mixed" + uniqueName();
        Api.Response r = register(name, "a fine password");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("user").path("username").asString()).isEqualTo(name.toLowerCase());
    }

    @Test
    void emailsCollideIgnoringCase() {
        String email = uniqueName() + "@Example.org";
        Api.Response first = api().post("/api/v1/auth/register",
                Map.of("username", uniqueName(), "password", "a fine password", "email", email));
        Api.Response second = api().post("/api/v1/auth/register",
                Map.of("username", uniqueName(), "password", "a fine password", "email", email.toUpperCase()));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
    }

    @Test
    void passwordLengthBoundariesAreSevenRejectedEightAcceptedOneTwentyEightAcceptedOneTwentyNineRejected() {
        assertThat(register(uniqueName(), "x".repeat(7)).status()).isEqualTo(400);
        assertThat(register(uniqueName(), "x".repeat(8)).status()).isEqualTo(201);
        assertThat(register(uniqueName(), "x".repeat(128)).status()).isEqualTo(201);
        Api.Response tooLong = register(uniqueName(), "x".repeat(129));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
    }

    @Test
    void passwordEqualToTheUsernameIsRefused() {
        String name = uniqueName();
        Api.Response r = register(name, name.toUpperCase());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
    }

    @Test
    void invalidUsernameAndEmailAreReportedTogether() {
        Api.Response r = api().post("/api/v1/auth/register",
                Map.of("username", "x", "password", "a fine password", "email", "not-an-address"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username", "email");
    }
}
