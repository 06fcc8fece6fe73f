package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.LISTENS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.schema.tables.records.ListensRecord;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** submit-listens through the funnel: what is stored, authentication, both prefixes, now playing. */
class ListenBrainzSubmitIntegrationTests extends IntegrationTestBase {

    private List<ListensRecord> stored(ListenBrainzClient c) {
        return database.dsl().selectFrom(LISTENS).where(LISTENS.USER_ID.eq(c.user().id()))
                .orderBy(LISTENS.LISTENED_AT).fetch();
    }

    @Test
    void aSingleListenIsStoredWithServiceClientLengthExtraAndRaw() {
        ListenBrainzClient c = ListenBrainzClient.create(api());

        Api.Response r = c.submitFixture("valid_single.json");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("ok");
        ListensRecord row = stored(c).get(0);
        assertThat(row.getListenedAt()).isEqualTo(1714564800_000L);
        assertThat(row.getChannel()).isEqualTo("listenbrainz_api");
        assertThat(row.getService()).isEqualTo("spotify");
        assertThat(row.getClient()).isEqualTo("Navidrome");
        assertThat(row.getTrackLengthMs()).isEqualTo(305_000L);
        assertThat(row.getExternalId()).isNull();
        assertThat(row.getClassification()).isEqualToIgnoringCase("FULL");
        assertThat(Api.JSON.readTree(row.getExtra()).path("tags").get(0).asString()).isEqualTo("trip-hop");
        assertThat(Api.JSON.readTree(row.getRaw()).path("track_metadata").path("release_name").asString())
                .isEqualTo("Dummy");
    }

    @Test
    void additionalInfoArtistNamesAddFeaturedArtistsToTheTrack() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        String u = java.util.UUID.randomUUID().toString().substring(0, 8);
        c.submit(ListenBrainzClient.single(ListenBrainzClient.listen(1714564800, "Major Lazer " + u, "Lean On")));

        Api.Response r = c.submit(ListenBrainzClient.single("{\"listened_at\": 1714565800, \"track_metadata\": {"
                + "\"artist_name\": \"Major Lazer " + u + "\", \"track_name\": \"Lean On\", \"additional_info\": {"
                + "\"artist_names\": [\"Major Lazer " + u + "\", \"MØ " + u + "\", \"DJ Snake " + u + "\"]}}}"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> tracks = stored(c).stream().map(ListensRecord::getTrackId).distinct().toList();
        assertThat(tracks).hasSize(1);
        JsonNode first = c.user().api().get("/api/v1/listens/" + stored(c).get(0).getId()).json();
        assertThat(first.path("track").path("artists")).extracting(a -> a.path("name").asString())
                .containsExactly("Major Lazer " + u, "DJ Snake " + u, "MØ " + u);
    }

    @Test
    void anImportStoresEveryListenWithItsService() {
        ListenBrainzClient c = ListenBrainzClient.create(api());

        assertThat(c.submitFixture("valid_import.json").status()).isEqualTo(200);

        assertThat(stored(c)).extracting(ListensRecord::getService)
                .containsExactly("apple_music", "deezer", "other");
        assertThat(stored(c).get(0).getTrackLengthMs()).isEqualTo(330_000L);
        assertThat(stored(c).get(2).getClient()).isEqualTo("multi-scrobbler");
    }

    @Test
    void resendingAnImportAddsNothing() {
        ListenBrainzClient c = ListenBrainzClient.create(api());

        c.submitFixture("valid_import.json");
        c.submitFixture("valid_import.json");

        assertThat(stored(c)).hasSize(3);
    }

    @Test
    void theRootPrefixAnswersLikeTheApisPrefixAndAnyContentTypeIsRead() {
        ListenBrainzClient c = ListenBrainzClient.create(api());

        Api.Response r = c.lb().send("POST", "/1/submit-listens",
                ListenBrainzClient.single(ListenBrainzClient.listen(1714564800, "Portishead", "Roads")), "text/plain");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(stored(c)).hasSize(1);
    }

    @Test
    void playingNowIsShownButNeverStored() {
        ListenBrainzClient c = ListenBrainzClient.create(api());

        assertThat(c.submitFixture("valid_playing_now.json").status()).isEqualTo(200);

        JsonNode payload = c.lb().get(ListenBrainzClient.BASE + "/user/" + c.name() + "/playing-now").json()
                .path("payload");
        assertThat(payload.path("count").asInt()).isEqualTo(1);
        assertThat(payload.path("playing_now").asBoolean()).isTrue();
        JsonNode listen = payload.path("listens").get(0);
        assertThat(listen.path("playing_now").asBoolean()).isTrue();
        assertThat(listen.has("listened_at")).isFalse();
        assertThat(listen.path("track_metadata").path("track_name").asString()).isEqualTo("Glory Box");
        assertThat(listen.path("track_metadata").path("additional_info").path("submission_client").asString())
                .isEqualTo("Jellyfin");
        assertThat(stored(c)).isEmpty();
    }

    @Test
    void withoutAnAuthorizationHeaderTheAnswerIs401InListenBrainzWords() {
        Api.Response r = api().send("POST", "/1/submit-listens", ListenBrainzClient.fixture("valid_single.json"),
                "application/json");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("code").asInt()).isEqualTo(401);
        assertThat(r.json().path("error").asString()).isEqualTo("You need to provide an Authorization header.");
    }

    @Test
    void aHeaderWithoutATokenAndAnUnknownTokenAreRejected() {
        String body = ListenBrainzClient.fixture("valid_single.json");

        Api.Response malformed = api().auth("Token").send("POST", "/1/submit-listens", body, "application/json");
        Api.Response unknown = api().auth("Token 0000").send("POST", "/1/submit-listens", body, "application/json");

        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.json().path("error").asString()).isEqualTo("Provided Authorization header is invalid.");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("error").asString()).isEqualTo("Invalid authorization token.");
    }

    @Test
    void aTokenWithoutListensWriteCannotSubmit() {
        ListenBrainzClient reader = ListenBrainzClient.create(api(), List.of("listens:read"));

        Api.Response r = reader.submitFixture("valid_single.json");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").asString()).isEqualTo("Insufficient scope.");
        assertThat(stored(reader)).isEmpty();
    }

    @Test
    void authenticationIsCheckedBeforeTheBody() {
        Api.Response r = api().send("POST", "/1/submit-listens", "not json", "application/json");

        assertThat(r.status()).isEqualTo(401);
    }
}
