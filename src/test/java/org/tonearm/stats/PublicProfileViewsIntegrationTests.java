package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.compat.StatsSeed;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #11 item 4 with the real native views: a PUBLIC profile's {@code /api/v1/users/{username}/stats/…} is the
 * owner's {@code /api/v1/stats/…}, JSON for JSON, without login; errors too.
 */
class PublicProfileViewsIntegrationTests extends IntegrationTestBase {

    /** The body without {@code computed_at}, the only field that differs between two requests of a fixed range. */
    private static String stable(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ObjectNode body = (ObjectNode) r.json();
        body.remove("computed_at");
        return body.toString();
    }

    @Test
    void everyViewOfAPublicProfileIsTheOwnersView() {
        Api.User owner = api().newUser();
        StatsSeed.write(owner);
        assertThat(owner.api().patch("/api/v1/me", Map.of("profile_visibility", "PUBLIC")).status()).isEqualTo(200);

        for (String view : List.of("overview?range=last_week", "top/artists?range=last_week&limit=2&offset=1",
                "top/tracks?range=last_week", "top/albums?range=last_week", "timeline?range=last_week&step=day",
                "heatmap?range=last_week", "clock?range=last_week", "insights?range=last_week")) {
            Api.Response own = owner.api().get("/api/v1/stats/" + view);
            Api.Response anonymous = api().get("/api/v1/users/" + owner.username() + "/stats/" + view);
            assertThat(stable(anonymous)).as(view).isEqualTo(stable(own));
        }
        Api.Response top = api().get("/api/v1/users/" + owner.username() + "/stats/top/artists?range=last_week");
        assertThat(top.json().path("items").get(0).path("plays").asLong()).isEqualTo(3);
    }

    @Test
    void aPublicProfilesBadParametersGetTheNativeProblem() {
        Api.User owner = api().newUser();
        owner.api().patch("/api/v1/me", Map.of("profile_visibility", "PUBLIC"));

        Api.Response own = owner.api().get("/api/v1/stats/top/artists?range=fortnight");
        Api.Response anonymous = api().get("/api/v1/users/" + owner.username() + "/stats/top/artists?range=fortnight");

        assertThat(anonymous.status()).isEqualTo(400).isEqualTo(own.status());
        assertThat(anonymous.json().path("errors")).isEqualTo(own.json().path("errors"));
    }

    @Test
    void aPrivateProfilesViewsAreNotFoundLikeAMissingUser() {
        Api.User owner = api().newUser();
        StatsSeed.write(owner);

        Api.Response r = api().get("/api/v1/users/" + owner.username() + "/stats/overview");
        Api.Response missing = api().get("/api/v1/users/nobody" + owner.username() + "/stats/overview");

        assertThat(r.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(r.json().path("code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(r.json().path("detail")).isEqualTo(missing.json().path("detail"));
    }
}
