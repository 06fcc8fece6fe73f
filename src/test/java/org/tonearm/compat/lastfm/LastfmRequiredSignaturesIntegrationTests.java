package org.tonearm.compat.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.compat.lastfm.LastfmTestClient.params;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.tonearm.testsupport.Api.User;
import org.tonearm.testsupport.IntegrationTestBase;

/** With {@code tonearm.compat.lastfm.require-signatures} every request needs a registered key and a valid api_sig. */
@TestPropertySource(properties = "tonearm.compat.lastfm.require-signatures=true")
class LastfmRequiredSignaturesIntegrationTests extends IntegrationTestBase {

    @Test
    void unknownKeysAndUnsignedReadsAreRefusedSignedOnesPass() {
        LastfmTestClient lastfm = new LastfmTestClient(api());
        User user = api().newUser();
        assertThat(lastfm.get(params("method", "user.getInfo", "user", user.username(), "format", "json"))
                .json().path("error").asInt()).isEqualTo(10);

        var app = user.api().post("/api/v1/me/lastfm-apps", Map.of("name", "signed player")).json();
        Map<String, String> read = new TreeMap<>(Map.of("method", "user.getInfo", "user", user.username(),
                "api_key", app.path("api_key").asString(), "format", "json"));
        assertThat(lastfm.get(read).json().path("error").asInt()).isEqualTo(13);

        Map<String, String> login = new TreeMap<>(Map.of("method", "auth.getMobileSession", "username", user.username(),
                "password", LastfmTestClient.password(user), "api_key", app.path("api_key").asString()));
        login.put("api_sig", LastfmSignature.sign(login, app.path("shared_secret").asString()));
        login.put("format", "json");
        String sk = lastfm.post(login).json().path("session").path("key").asString();
        assertThat(sk).hasSize(32);

        read.put("sk", sk);
        read.put("api_sig", LastfmSignature.sign(read, app.path("shared_secret").asString()));
        assertThat(lastfm.get(read).json().path("user").path("name").asString()).isEqualTo(user.username());
    }
}
