package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.listens.ListenFixtures.all;
import static org.tonearm.listens.ListenFixtures.batch;
import static org.tonearm.listens.ListenFixtures.create;
import static org.tonearm.listens.ListenFixtures.errorFields;
import static org.tonearm.listens.ListenFixtures.listen;
import static org.tonearm.listens.ListenFixtures.titles;
import static org.tonearm.listens.ListenFixtures.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** The native listens API end to end (docs/api.md#listens, #listen-shapes): submit and read. */
class ListensApiIntegrationTests extends IntegrationTestBase {

    @Test
    void createsAListenAndAnswersItInTheSpecShape() {
        Api me = api().newUser().api();
        Map<String, Object> body = with(with(with(listen("Massive Attack", "Teardrop", 0), "album", "Mezzanine"),
                "service", "spotify"), "client", "my-script");
        Api.Response r = me.post("/api/v1/listens", with(body, "track_length_ms", 330_000));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("status").asString()).isEqualTo("created");
        JsonNode l = r.json().path("listen");
        assertThat(l.path("id").asLong()).isPositive();
        assertThat(l.path("listened_at").asString()).isEqualTo("2024-05-01T12:00:00.000Z");
        assertThat(l.path("track").path("id").asLong()).isPositive();
        assertThat(l.path("track").path("title").asString()).isEqualTo("Teardrop");
        JsonNode artist = l.path("track").path("artists").get(0);
        assertThat(artist.path("name").asString()).isEqualTo("Massive Attack");
        assertThat(artist.path("role").asString()).isEqualTo("primary");
        assertThat(artist.path("id").asLong()).isPositive();
        assertThat(l.path("album").path("title").asString()).isEqualTo("Mezzanine");
        assertThat(l.path("duration_played_ms").asLong()).isEqualTo(180_000);
        assertThat(l.path("track_length_ms").asLong()).isEqualTo(330_000);
        assertThat(l.path("service").asString()).isEqualTo("spotify");
        assertThat(l.path("channel").asString()).isEqualTo("native_api");
        assertThat(l.path("client").asString()).isEqualTo("my-script");
        assertThat(l.path("classification").asString()).isIn("FULL", "PARTIAL");
        assertThat(l.has("weight")).isTrue();
    }

    @Test
    void answersAListenWithoutAlbumWithAlbumNullAndServiceOther() {
        Api me = api().newUser().api();
        JsonNode l = me.post("/api/v1/listens", listen("Burial", "Archangel", 0)).json().path("listen");
        assertThat(l.has("album")).isTrue();
        assertThat(l.path("album").isNull()).isTrue();
        assertThat(l.path("service").asString()).isEqualTo("other");
    }

    @Test
    void acceptsListenedAtAsEpochSeconds() {
        Api me = api().newUser().api();
        Api.Response r = me.post("/api/v1/listens", with(listen("Burial", "Archangel", 0), "listened_at", 1714564800));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("listen").path("listened_at").asString()).isEqualTo("2024-05-01T12:00:00.000Z");
    }

    @Test
    void sendingTheSameListenTwiceIsADuplicateAndStoresOneRow() {
        Api me = api().newUser().api();
        Map<String, Object> body = listen("Portishead", "Roads", 0);
        long first = create(me, body);

        Api.Response again = me.post("/api/v1/listens", body);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("duplicate");
        assertThat(again.json().path("listen").path("id").asLong()).isEqualTo(first);
        assertThat(all(me)).hasSize(1);
    }

    @Test
    void theSamePlayFromAnotherServiceWithinFiveMinutesIsMerged() {
        Api me = api().newUser().api();
        long first = create(me, with(listen("Portishead", "Glory Box", 0), "service", "local"));

        Map<String, Object> later = with(listen("Portishead", "Glory Box", 0), "service", "spotify");
        later.put("listened_at", ListenFixtures.T0.plusSeconds(120).toString());
        Api.Response r = me.post("/api/v1/listens", later);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("merged");
        assertThat(r.json().path("listen").path("id").asLong()).isEqualTo(first);
        assertThat(all(me)).hasSize(1);
    }

    @Test
    void aValidBatchAnswers200WithPerItemResultsAndCounts() {
        Api me = api().newUser().api();
        Api.Response r = me.post("/api/v1/listens", batch(List.of(
                listen("Air", "La Femme d'Argent", 0), listen("Air", "Sexy Boy", 10), listen("Air", "Kelly Watch the Stars", 20))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.path("created").asInt()).isEqualTo(3);
        assertThat(json.path("merged").asInt()).isZero();
        assertThat(json.path("duplicates").asInt()).isZero();
        assertThat(json.path("failed").asInt()).isZero();
        assertThat(json.path("results").values()).extracting(n -> n.path("index").asInt()).containsExactly(0, 1, 2);
        assertThat(json.path("results").values()).allSatisfy(n -> {
            assertThat(n.path("status").asString()).isEqualTo("created");
            assertThat(n.path("id").asLong()).isPositive();
            assertThat(n.has("error")).isFalse();
        });
        assertThat(all(me)).hasSize(3);
    }

    @Test
    void resendingABatchAddsNothing() {
        Api me = api().newUser().api();
        Map<String, Object> body = batch(List.of(listen("Air", "Playground Love", 0), listen("Air", "Cherry Blossom Girl", 5)));
        me.post("/api/v1/listens", body);

        Api.Response again = me.post("/api/v1/listens", body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(2);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(all(me)).hasSize(2);
    }

    @Test
    void aMixedBatchAnswers207AndStoresExactlyItsValidItems() {
        Api me = api().newUser().api();
        Api.Response r = me.post("/api/v1/listens", batch(List.of(
                listen("Moderat", "Bad Kingdom", 0),
                ListenFixtures.without(listen("Moderat", "Rusty Nails", 5), "artist"),
                listen("Moderat", "A New Error", 10),
                with(listen("Moderat", "Reminder", 15), "duration_played_ms", "abc"))));

        assertThat(r.status()).as(r.body()).isEqualTo(207);
        JsonNode json = r.json();
        assertThat(json.path("created").asInt()).isEqualTo(2);
        assertThat(json.path("failed").asInt()).isEqualTo(2);
        JsonNode failed = json.path("results").get(1);
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.has("id")).isFalse();
        assertThat(failed.path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(failed.path("error").path("errors").get(0).path("field").asString()).isEqualTo("listens[1].artist");
        assertThat(json.path("results").get(3).path("error").path("errors").get(0).path("field").asString())
                .isEqualTo("listens[3].duration_played_ms");
        assertThat(titles(all(me))).containsExactly("A New Error", "Bad Kingdom");
    }

    @Test
    void aBatchOfOnlyInvalidItemsAnswers400AndStoresNothing() {
        Api me = api().newUser().api();
        Api.Response r = me.post("/api/v1/listens", batch(List.of(
                ListenFixtures.without(listen("X", "Y", 0), "track"), with(listen("X", "Z", 1), "service", "napster"))));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("failed").asInt()).isEqualTo(2);
        assertThat(r.json().path("results").get(1).path("error").path("errors").get(0).path("field").asString())
                .isEqualTo("listens[1].service");
        assertThat(all(me)).isEmpty();
    }

    @Test
    void getsOneListenById() {
        Api me = api().newUser().api();
        long id = create(me, listen("Bonobo", "Kerala", 0));

        Api.Response r = me.get("/api/v1/listens/" + id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("id").asLong()).isEqualTo(id);
        assertThat(r.json().path("track").path("title").asString()).isEqualTo("Kerala");
    }

    @Test
    void keepsExternalIdAndExtraOfASubmission() {
        Api me = api().newUser().api();
        Map<String, Object> body = with(with(listen("Bonobo", "Cirrus", 0), "external_id", "play-42"),
                "extra", Map.of("origin_url", "https://example.org/cirrus", "tags", List.of("downtempo")));
        long id = create(me, body);

        JsonNode l = me.get("/api/v1/listens/" + id).json();

        assertThat(l.path("external_id").asString()).isEqualTo("play-42");
        assertThat(l.path("extra").path("origin_url").asString()).isEqualTo("https://example.org/cirrus");
        assertThat(l.path("extra").path("tags").get(0).asString()).isEqualTo("downtempo");
    }

    @Test
    void classifiesAShortPlayOfAKnownLengthAsASkip() {
        Api me = api().newUser().api();
        Map<String, Object> body = with(with(listen("Bonobo", "Kong", 0), "duration_played_ms", 10_000), "track_length_ms", 240_000);

        JsonNode l = me.post("/api/v1/listens", body).json().path("listen");

        assertThat(l.path("classification").asString()).isEqualTo("SKIP");
        assertThat(l.path("weight").asDouble()).isZero();
    }

    @Test
    void anUnknownListenIdIsNotFound() {
        Api me = api().newUser().api();
        Api.Response r = me.get("/api/v1/listens/999999999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(me.get("/api/v1/listens/abc").status()).isEqualTo(404);
    }

    @Test
    void aTokenWithoutTheWriteScopeCannotSubmit() {
        Api me = api().newUser().api();
        Api.Response token = me.post("/api/v1/me/tokens", Map.of("name", "reader", "scopes", List.of("listens:read")));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        Api reader = api().auth("Token " + token.json().path("token").asString());

        Api.Response r = reader.post("/api/v1/listens", listen("Air", "Alone in Kyoto", 0));

        assertThat(r.status()).isEqualTo(403);
        assertThat(reader.get("/api/v1/listens").status()).isEqualTo(200);
        assertThat(all(me)).isEmpty();
    }

    @Test
    void aTokenWithoutTheReadScopeCannotList() {
        Api me = api().newUser().api();
        create(me, listen("Air", "Talisman", 0));
        Api.Response token = me.post("/api/v1/me/tokens", Map.of("name", "scrobbler", "scopes", List.of("listens:write")));
        Api writer = api().auth("Token " + token.json().path("token").asString());

        assertThat(writer.get("/api/v1/listens").status()).isEqualTo(403);
        assertThat(writer.post("/api/v1/listens", listen("Air", "Ce Matin-là", 5)).status()).isEqualTo(201);
        assertThat(all(me)).hasSize(2);
    }

    @Test
    void anonymousCallersAreRejected() {
        assertThat(api().get("/api/v1/listens").status()).isEqualTo(401);
        assertThat(api().post("/api/v1/listens", listen("Air", "Venus", 0)).status()).isEqualTo(401);
    }
}
