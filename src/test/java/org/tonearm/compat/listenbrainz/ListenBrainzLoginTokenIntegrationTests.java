package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * A login (the JWT of POST /api/v1/auth/login) pasted where a ListenBrainz client wants its user token: refused in
 * ListenBrainz's format, saying what to send instead, and nothing is stored.
 */
class ListenBrainzLoginTokenIntegrationTests extends IntegrationTestBase {

    @Test
    void aLoginTokenIsRefusedWithAHintToSendAnApiToken() {
        Api.User user = api().newUser();
        String body = ListenBrainzClient.single(ListenBrainzClient.listen(1714564800, "Portishead", "Roads"));

        Api.Response r = api().auth("Bearer " + user.accessToken())
                .send("POST", ListenBrainzClient.BASE + "/submit-listens", body, "application/json");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("code").asInt()).isEqualTo(401);
        assertThat(r.json().path("error").asString()).startsWith("Invalid authorization token.")
                .contains("Authorization: Token <API token>").contains("POST /api/v1/me/tokens");
        assertThat(user.api().get("/api/v1/listens").json().path("listens")).isEmpty();
    }

    @Test
    void anApiTokenStillWorksWithEitherScheme() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        String body = ListenBrainzClient.single(ListenBrainzClient.listen(1714564800, "Portishead", "Roads"));

        // ListenBrainz reads the token after the space whatever the scheme word (api_tools.validate_auth_header)
        Api.Response r = api().auth("Bearer " + c.token())
                .send("POST", ListenBrainzClient.BASE + "/submit-listens", body, "application/json");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
