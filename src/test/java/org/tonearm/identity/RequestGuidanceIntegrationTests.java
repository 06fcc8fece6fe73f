package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * Bodies a route cannot take are refused in problem+json, before anything is done: an oversized body on every
 * route (logout included, whatever its content type), and JSON values of the wrong type (not coerced).
 */
class RequestGuidanceIntegrationTests extends IntegrationTestBase {

    /** Over the 11 MB default body limit (tonearm.gateway.max-body-size). */
    private static final String HUGE_JSON = "{\"display_name\":\"" + "x".repeat(12 * 1024 * 1024) + "\"}";

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).isEqualTo(code);
    }

    @Test
    void anOversizedBodyIsRefusedOnEveryRouteLogoutIncluded() {
        Api.User user = api().newUser();
        List<String[]> routes = List.of(new String[] {"POST", "/api/v1/auth/logout"}, new String[] {"POST", "/api/v1/auth/login"},
                new String[] {"POST", "/api/v1/listens"}, new String[] {"POST", "/api/v1/me/tokens"},
                new String[] {"PUT", "/api/v1/now-playing"}, new String[] {"PATCH", "/api/v1/me"});

        for (String[] route : routes) {
            assertProblem(user.api().send(route[0], route[1], HUGE_JSON, "application/json"), 413, "PAYLOAD_TOO_LARGE");
        }
        // still logged in: the refused logout ended nothing
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anOversizedMultipartBodyIsRefusedOutsideTheUploadRoute() {
        Api.User user = api().newUser();
        String boundary = "b0123456789";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"refresh_token\"\r\n\r\n"
                + "x".repeat(12 * 1024 * 1024) + "\r\n--" + boundary + "--\r\n";

        Api.Response r = user.api().send("POST", "/api/v1/auth/logout", multipart, "multipart/form-data; boundary=" + boundary);

        assertProblem(r, 413, "PAYLOAD_TOO_LARGE");
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aBodyJustUnderTheLimitIsNotRefusedForItsSize() {
        Api.User user = api().newUser();
        // 11 MB exactly, as JSON: refused as a display name that is too long, not as too large
        String atLimit = "{\"display_name\":\"" + "x".repeat(11 * 1024 * 1024 - 19) + "\"}";
        assertThat(atLimit.length()).isEqualTo(11 * 1024 * 1024);

        Api.Response r = user.api().send("PATCH", "/api/v1/me", atLimit, "application/json");

        assertThat(r.status()).as(r.body().substring(0, Math.min(200, r.body().length()))).isEqualTo(400);
    }
}
