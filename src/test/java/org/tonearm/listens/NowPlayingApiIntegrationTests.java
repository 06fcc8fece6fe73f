package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/** Now playing through the native API: shown to its owner only, never stored as a listen. */
class NowPlayingApiIntegrationTests extends IntegrationTestBase {

    @Test
    void putShowsItToTheOwnerAndNeverStoresAListen() {
        Api.User alice = api().newUser();
        Api.Response put = alice.api().send("PUT", "/api/v1/now-playing",
                "{\"artist\":\"Broadcast\",\"track\":\"Tears in the Typing Pool\",\"track_length_ms\":180000,\"service\":\"spotify\"}",
                "application/json");
        assertThat(put.status()).isEqualTo(200);
        var np = alice.api().get("/api/v1/now-playing").json().path("now_playing");
        assertThat(np.path("artist").asString()).isEqualTo("Broadcast");
        assertThat(np.path("track").asString()).isEqualTo("Tears in the Typing Pool");
        assertThat(np.path("service").asString()).isEqualTo("spotify");
        assertThat(np.path("channel").asString()).isEqualTo("native_api");
        assertThat(alice.api().get("/api/v1/listens").json().path("listens").size()).isZero();

        Api.User bob = api().newUser();
        assertThat(bob.api().get("/api/v1/now-playing").json().path("now_playing").isNull()).isTrue();
    }

    @Test
    void deleteClearsIt() {
        Api.User alice = api().newUser();
        Api.Response put = alice.api().send("PUT", "/api/v1/now-playing", "{\"artist\":\"Pram\",\"track\":\"Loco\"}",
                "application/json");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("now_playing").path("service").asString()).isEqualTo("other");
        assertThat(alice.api().delete("/api/v1/now-playing").status()).isEqualTo(204);
        assertThat(alice.api().get("/api/v1/now-playing").json().path("now_playing").isNull()).isTrue();
    }

    @Test
    void aMissingArtistIsRejectedNamingTheField() {
        Api.User alice = api().newUser();
        Api.Response r = alice.api().send("PUT", "/api/v1/now-playing", "{\"track\":\"Loco\"}", "application/json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("artist");
        assertThat(alice.api().get("/api/v1/now-playing").json().path("now_playing").isNull()).isTrue();
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThat(api().get("/api/v1/now-playing").status()).isEqualTo(401);
        assertThat(api().post("/api/v1/now-playing", Map.of("artist", "x", "track", "y")).status()).isIn(401, 405);
    }
}
