package org.tonearm.compat.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.compat.lastfm.LastfmTestClient.params;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api.Response;
import org.tonearm.testsupport.Api.User;
import org.tonearm.testsupport.IntegrationTestBase;

/** Issue #5 item 4: user.* reads of a PRIVATE profile answer only its own session; a PUBLIC one answers anyone. */
class LastfmPrivacyIntegrationTests extends IntegrationTestBase {

    private LastfmTestClient lastfm() {
        return new LastfmTestClient(api());
    }

    @Test
    void aPrivateProfileLooksExactlyLikeAMissingUserToOthers() {
        User owner = api().newUser();
        User other = api().newUser();
        String otherSk = lastfm().sessionKey(other);
        for (String method : new String[] {"user.getInfo", "user.getRecentTracks"}) {
            Response missing = lastfm().get(params("method", method, "user", "nobody-" + owner.username()));
            Response anonymous = lastfm().get(params("method", method, "user", owner.username()));
            Response foreign = lastfm().get(params("method", method, "user", owner.username(), "sk", otherSk));
            assertThat(missing.body()).contains("<error code=\"6\">User not found</error>");
            assertThat(anonymous.status()).isEqualTo(missing.status());
            assertThat(anonymous.body()).isEqualTo(missing.body());
            assertThat(foreign.body()).isEqualTo(missing.body());
        }
    }

    @Test
    void aPrivateProfileAnswersItsOwnSession() {
        User owner = api().newUser();
        String sk = lastfm().sessionKey(owner);
        Response info = lastfm().get(params("method", "user.getInfo", "user", owner.username(), "sk", sk,
                "format", "json"));
        assertThat(info.json().path("user").path("name").asString()).isEqualTo(owner.username());
        assertThat(info.json().path("user").path("playcount").asString()).isEqualTo("0");
        Response noUserParam = lastfm().get(params("method", "user.getInfo", "sk", sk, "format", "json"));
        assertThat(noUserParam.json().path("user").path("name").asString()).isEqualTo(owner.username());
    }

    @Test
    void aPublicProfileAnswersAnyone() {
        User owner = api().newUser();
        assertThat(owner.api().patch("/api/v1/me", Map.of("profile_visibility", "PUBLIC")).status()).isEqualTo(200);
        Response info = lastfm().get(params("method", "user.getInfo", "user", owner.username(), "format", "json"));
        assertThat(info.json().path("user").path("name").asString()).isEqualTo(owner.username());
        Response recent = lastfm().get(params("method", "user.getRecentTracks", "user", owner.username()));
        assertThat(recent.body()).contains("<recenttracks user=\"" + owner.username() + "\"");
    }

    @Test
    void aBadSessionKeyOnAReadIsErrorNineNotAnonymous() {
        User owner = api().newUser();
        Response r = lastfm().get(params("method", "user.getInfo", "user", owner.username(),
                "sk", "ffffffffffffffffffffffffffffffff", "format", "json"));
        assertThat(r.json().path("error").asInt()).isEqualTo(9);
    }
}
