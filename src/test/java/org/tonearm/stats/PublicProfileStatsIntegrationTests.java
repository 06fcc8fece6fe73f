package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #11 item 4: {@code GET /api/v1/users/{username}/stats/…} answers a PUBLIC profile's statistics without login,
 * exactly as {@code /api/v1/stats/…} answers its owner; a PRIVATE profile and a missing user get the same 404.
 *
 * <p>The public route forwards to whatever handles {@code /api/v1/stats/…}; a probe view under that prefix stands for
 * the native views here (declared the way they are, {@code @Access} with stats:read), so these tests prove the
 * route's rules independently of any one view.
 */
class PublicProfileStatsIntegrationTests extends IntegrationTestBase {

    @TestConfiguration
    static class ProbeView {
        @Bean
        ProbeController probeController() {
            return new ProbeController();
        }
    }

    @Access(credential = Credential.ANY, scopes = Scopes.STATS_READ)
    @RestController
    static class ProbeController {
        @GetMapping("/api/v1/stats/probe/{view}")
        Map<String, Object> probe(@PathVariable String view, HttpServletRequest request) {
            AuthenticatedUser user = CurrentUser.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("user_id", user.id());
            body.put("view", view);
            body.put("range", request.getParameter("range"));
            return body;
        }

        @GetMapping("/api/v1/stats/probe-scopes")
        Object scopes() {
            return new TreeSet<>(CurrentUser.get().scopes());
        }
    }

    private static Api.User publicUser(Api api) {
        Api.User user = api.newUser();
        assertThat(user.api().patch("/api/v1/me", Map.of("profile_visibility", "PUBLIC")).status()).isEqualTo(200);
        return user;
    }

    @Test
    void aPublicProfileAnswersAnyoneWithTheOwnersOwnAnswer() {
        Api.User owner = publicUser(api());

        Api.Response anonymous = api().get("/api/v1/users/" + owner.username() + "/stats/probe/top?range=7d");
        Api.Response own = owner.api().get("/api/v1/stats/probe/top?range=7d");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo(own.body());
        assertThat(anonymous.json().path("user_id").asLong()).isEqualTo(owner.id());
        Api.User other = api().newUser();
        assertThat(other.api().get("/api/v1/users/" + owner.username() + "/stats/probe/top?range=7d").body())
                .as("another user's login changes nothing").isEqualTo(own.body());
    }

    @Test
    void thePublicRouteOnlyEverReadsStatistics() {
        Api.User owner = publicUser(api());

        assertThat(api().get("/api/v1/users/" + owner.username() + "/stats/probe-scopes").json().toString())
                .isEqualTo("[\"stats:read\"]");
        assertThat(api().post("/api/v1/users/" + owner.username() + "/stats/probe/top", "{}").status())
                .isIn(401, 405);
        // the native route itself still needs a login
        assertThat(api().get("/api/v1/stats/probe/top").status()).isEqualTo(401);
    }

    @Test
    void aPrivateProfileAndAMissingUserGetTheSameNotFound() {
        Api.User owner = api().newUser();
        Api.User other = api().newUser();

        Api.Response privateProfile = api().get("/api/v1/users/" + owner.username() + "/stats/probe/top");
        Api.Response missing = api().get("/api/v1/users/nobody" + owner.username() + "/stats/probe/top");
        Api.Response loggedIn = other.api().get("/api/v1/users/" + owner.username() + "/stats/probe/top");

        assertThat(privateProfile.status()).isEqualTo(404);
        assertThat(privateProfile.header("Content-Type")).startsWith("application/problem+json");
        assertThat(privateProfile.json().path("code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(withoutRequestIds(privateProfile)).isEqualTo(withoutRequestIds(missing))
                .isEqualTo(withoutRequestIds(loggedIn));
    }

    @Test
    void aProfileMadePrivateAgainIsHiddenAtOnce() {
        Api.User owner = publicUser(api());
        assertThat(api().get("/api/v1/users/" + owner.username() + "/stats/probe/top").status()).isEqualTo(200);

        owner.api().patch("/api/v1/me", Map.of("profile_visibility", "PRIVATE"));

        assertThat(api().get("/api/v1/users/" + owner.username() + "/stats/probe/top").status()).isEqualTo(404);
    }

    /** The body without what differs per request (request id; the path, which names the user). */
    private static String withoutRequestIds(Api.Response r) {
        ObjectNode body = (ObjectNode) r.json();
        body.remove("request_id");
        body.remove("instance");
        return body.toString();
    }
}
