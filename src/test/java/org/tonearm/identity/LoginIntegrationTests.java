package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.USERS;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

class LoginIntegrationTests extends IntegrationTestBase {

    private static final String PASSWORD = "a fine password";

    private String registered(String email) {
        String name = RegistrationIntegrationTests.uniqueName();
        var body = email == null ? Map.of("username", name, "password", PASSWORD)
                : Map.of("username", name, "password", PASSWORD, "email", email);
        assertThat(api().post("/api/v1/auth/register", body).status()).isEqualTo(201);
        return name;
    }

    private Api.Response login(String username, String password) {
        return api().post("/api/v1/auth/login", Map.of("username", username, "password", password));
    }

    @Test
    void loginWithTheRightPasswordAnswersASessionForThatUser() {
        String name = registered(null);

        Api.Response r = login(name.toUpperCase(), PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.path("user").path("username").asString()).isEqualTo(name);
        assertThat(json.path("user").path("role").asString()).isIn("USER", "ADMIN");
        assertThat(json.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(api().bearer(json.path("access_token").asString()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void loginAcceptsTheEmailAddressInPlaceOfTheUsername() {
        String email = RegistrationIntegrationTests.uniqueName() + "@example.org";
        String name = registered(email);

        Api.Response r = login(email.toUpperCase(), PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("user").path("username").asString()).isEqualTo(name);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String name = registered(null);

        Api.Response wrong = login(name, PASSWORD + "!");
        Api.Response unknown = login(RegistrationIntegrationTests.uniqueName(), PASSWORD);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().path("code").asString()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(unknown.json().path("code").asString()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(wrong.json().path("detail")).isEqualTo(unknown.json().path("detail"));
        assertThat(wrong.header("Content-Type")).isEqualTo(unknown.header("Content-Type"));
    }

    @Test
    void unknownUserStillCostsAPasswordCheck() {
        login(RegistrationIntegrationTests.uniqueName(), "warm up the code path");
        long unknownNanos = time(() -> login(RegistrationIntegrationTests.uniqueName(), PASSWORD));
        // a bcrypt cost-12 check takes well over 40 ms on any CPU; without the dummy check an unknown user would
        // be answered after one indexed lookup, in a few ms (a fixed floor, so machine load cannot fail this)
        assertThat(unknownNanos).isGreaterThan(40_000_000L);
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    @Test
    void disabledAccountCannotLogIn() {
        String name = registered(null);
        database.writeVoid(() -> database.dsl().update(USERS).set(USERS.DISABLED, true).where(USERS.USERNAME.eq(name)).execute());

        Api.Response r = login(name, PASSWORD);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("code").asString()).isEqualTo("AUTH_INVALID_CREDENTIALS");
    }

    @Test
    void missingPasswordIsAValidationError() {
        Api.Response r = api().post("/api/v1/auth/login", Map.of("username", "someone"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
    }
}
