package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.listens.ListenFixtures.all;
import static org.tonearm.listens.ListenFixtures.create;
import static org.tonearm.listens.ListenFixtures.errorFields;
import static org.tonearm.listens.ListenFixtures.listen;
import static org.tonearm.listens.ListenFixtures.titles;
import static org.tonearm.listens.ListenFixtures.with;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** Correcting and deleting listens (docs/api.md#listens "users can correct a listen's metadata", §8). */
class ListensEditingIntegrationTests extends IntegrationTestBase {

    @Test
    void correctsTheTrackAndAlbumOfAListen() {
        Api me = api().newUser().api();
        Map<String, Object> typo = with(listen("Radiohead", "Karma Polise", 0), "album", "OK Computer");
        long id = create(me, typo);
        long oldTrack = me.get("/api/v1/listens/" + id).json().path("track").path("id").asLong();

        Api.Response r = me.patch("/api/v1/listens/" + id, Map.of("track", "Karma Police", "track_length_ms", 264_000));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode l = me.get("/api/v1/listens/" + id).json();
        assertThat(l.path("track").path("title").asString()).isEqualTo("Karma Police");
        assertThat(l.path("track").path("id").asLong()).isNotEqualTo(oldTrack);
        assertThat(l.path("track").path("artists").get(0).path("name").asString()).isEqualTo("Radiohead");
        assertThat(l.path("album").path("title").asString()).isEqualTo("OK Computer");
        assertThat(l.path("track_length_ms").asLong()).isEqualTo(264_000);
        assertThat(l.path("listened_at").asString()).isEqualTo("2024-05-01T12:00:00.000Z");
    }

    @Test
    void correctsTheArtistAndClearsTheAlbum() {
        Api me = api().newUser().api();
        long id = create(me, with(listen("Radiohed", "Creep", 0), "album", "Pablo Honey"));

        Map<String, Object> patch = new HashMap<>();
        patch.put("artist", "Radiohead");
        patch.put("album", null);
        Api.Response r = me.patch("/api/v1/listens/" + id, patch);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("track").path("artists").get(0).path("name").asString()).isEqualTo("Radiohead");
        assertThat(r.json().path("track").path("title").asString()).isEqualTo("Creep");
        assertThat(r.json().path("album").isNull()).isTrue();
    }

    @Test
    void refusesAnInvalidCorrectionAndLeavesTheListenAsItWas() {
        Api me = api().newUser().api();
        long id = create(me, listen("Radiohead", "Airbag", 0));

        Api.Response r = me.patch("/api/v1/listens/" + id, Map.of("track", "", "listened_at", 0));

        assertThat(r.status()).isEqualTo(400);
        assertThat(errorFields(r)).contains("track", "listened_at");
        assertThat(me.get("/api/v1/listens/" + id).json().path("track").path("title").asString()).isEqualTo("Airbag");
    }

    @Test
    void deletesOneListen() {
        Api me = api().newUser().api();
        long keep = create(me, listen("Björk", "Joga", 0));
        long gone = create(me, listen("Björk", "Hyperballad", 10));

        Api.Response r = me.delete("/api/v1/listens/" + gone);

        assertThat(r.status()).isEqualTo(204);
        assertThat(me.get("/api/v1/listens/" + gone).status()).isEqualTo(404);
        assertThat(ListenFixtures.ids(all(me))).containsExactly(keep);
        assertThat(me.delete("/api/v1/listens/" + gone).status()).isEqualTo(404);
    }

    @Test
    void deletesATimeRangeWithFromInclusiveAndToExclusive() {
        Api me = api().newUser().api();
        for (int m = 0; m < 5; m++) {
            create(me, listen("Björk", "Track " + m, m * 10));
        }
        Instant from = ListenFixtures.T0.plusSeconds(600);
        Instant to = ListenFixtures.T0.plusSeconds(1800);

        Api.Response r = me.delete("/api/v1/listens?from=" + from + "&to=" + to.getEpochSecond());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("deleted").asInt()).isEqualTo(2);
        assertThat(titles(all(me))).containsExactly("Track 4", "Track 3", "Track 0");
    }

    @Test
    void deletingARangeNeedsBothBounds() {
        Api me = api().newUser().api();
        create(me, listen("Björk", "Army of Me", 0));

        Api.Response noTo = me.delete("/api/v1/listens?from=0");
        Api.Response none = me.delete("/api/v1/listens");

        assertThat(noTo.status()).isEqualTo(400);
        assertThat(errorFields(noTo)).containsExactly("to");
        assertThat(none.status()).isEqualTo(400);
        assertThat(all(me)).hasSize(1);
    }

    @Test
    void aCorrectedTrackLengthReclassifiesTheListen() {
        Api me = api().newUser().api();
        long id = create(me, with(listen("Radiohead", "Reckoner", 0), "duration_played_ms", 60_000));
        assertThat(me.get("/api/v1/listens/" + id).json().path("classification").asString()).isEqualTo("FULL");

        Api.Response r = me.patch("/api/v1/listens/" + id, Map.of("track_length_ms", 600_000));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode l = me.get("/api/v1/listens/" + id).json();
        assertThat(l.path("classification").asString()).isEqualTo("SKIP");
        assertThat(l.path("weight").asDouble()).isZero();
        assertThat(l.path("track").path("title").asString()).isEqualTo("Reckoner");
    }

    @Test
    void correctingAnUnknownListenIsNotFound() {
        Api me = api().newUser().api();
        Api.Response r = me.patch("/api/v1/listens/987654321", Map.of("track", "X"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
    }

}
