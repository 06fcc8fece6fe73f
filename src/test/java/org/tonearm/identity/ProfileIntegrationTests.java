package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** {@code GET/PATCH /api/v1/me} (docs/api.md#accounts-and-authentication) and the {@link UserDirectory} other modules read. */
class ProfileIntegrationTests extends IntegrationTestBase {

    @Autowired
    UserDirectory directory;

    @Test
    void meShowsTheSpecFieldsWithDefaults() {
        Api.User user = api().newUser();

        JsonNode me = user.api().get("/api/v1/me").json();

        assertThat(me.path("id").asLong()).isEqualTo(user.id());
        assertThat(me.path("username").asString()).isEqualTo(user.username());
        assertThat(me.path("email").isNull()).isTrue();
        assertThat(me.path("display_name").isNull()).isTrue();
        assertThat(me.path("role").asString()).isIn("USER", "ADMIN");
        assertThat(me.path("timezone").asString()).isEqualTo("UTC");
        assertThat(me.path("week_start").asString()).isEqualTo("MONDAY");
        assertThat(me.path("profile_visibility").asString()).isEqualTo("PRIVATE");
        assertThat(me.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void patchChangesTheEditableFieldsAndTheCachedTimezone() {
        Api.User user = api().newUser();
        assertThat(directory.timezone(user.id())).isEqualTo(ZoneId.of("UTC")); // now cached

        Api.Response r = user.api().patch("/api/v1/me", Map.of("display_name", "DJ Test", "timezone", "Europe/Berlin",
                "week_start", "sunday", "profile_visibility", "PUBLIC", "email", "Patch." + user.username() + "@Example.org"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode me = user.api().get("/api/v1/me").json();
        assertThat(me.path("display_name").asString()).isEqualTo("DJ Test");
        assertThat(me.path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(me.path("week_start").asString()).isEqualTo("SUNDAY");
        assertThat(me.path("profile_visibility").asString()).isEqualTo("PUBLIC");
        assertThat(me.path("email").asString()).isEqualTo("patch." + user.username() + "@example.org");
        assertThat(directory.timezone(user.id())).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(directory.findByUsername(user.username().toUpperCase())).hasValueSatisfying(p ->
                assertThat(p.displayName()).isEqualTo("DJ Test"));
    }

    @Test
    void patchLeavesAbsentFieldsAloneAndNullClearsDisplayName() {
        Api.User user = api().newUser();
        user.api().patch("/api/v1/me", Map.of("display_name", "Someone", "timezone", "Asia/Tokyo"));

        Map<String, Object> clear = new HashMap<>();
        clear.put("display_name", null);
        JsonNode me = user.api().patch("/api/v1/me", clear).json();

        assertThat(me.path("display_name").isNull()).isTrue();
        assertThat(me.path("timezone").asString()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void invalidTimezoneIsRejectedNamingTheField() {
        Api.User user = api().newUser();

        Api.Response r = user.api().patch("/api/v1/me", Map.of("timezone", "Mars/Olympus_Mons"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("timezone");
        assertThat(user.api().get("/api/v1/me").json().path("timezone").asString()).isEqualTo("UTC");
    }

    @Test
    void invalidWeekStartVisibilityAndReadOnlyFieldsAreRejected() {
        Api.User user = api().newUser();

        Api.Response r = user.api().patch("/api/v1/me",
                Map.of("week_start", "FUNDAY", "profile_visibility", "FRIENDS", "role", "ADMIN"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("week_start", "profile_visibility", "role");
        assertThat(user.api().get("/api/v1/me").json().path("week_start").asString()).isEqualTo("MONDAY");
    }

    @Test
    void emailTakenByAnotherAccountIsAConflict() {
        Api.User first = api().newUser();
        Api.User second = api().newUser();
        String email = first.username() + "@example.org";
        assertThat(first.api().patch("/api/v1/me", Map.of("email", email)).status()).isEqualTo(200);

        Api.Response r = second.api().patch("/api/v1/me", Map.of("email", email.toUpperCase()));

        assertThat(r.status()).isEqualTo(409);
    }
}
