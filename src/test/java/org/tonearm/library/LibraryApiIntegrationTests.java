package org.tonearm.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.CatalogService;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.ResolvedTrack;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.Service;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The catalog read API over HTTP: shapes, matching and validation. Who sees what (other users, PUBLIC profiles,
 * scopes) is CatalogVisibilityIntegrationTests.
 */
class LibraryApiIntegrationTests extends IntegrationTestBase {

    @Autowired
    ListenService listens;
    @Autowired
    CatalogService catalog;

    private final String u = UUID.randomUUID().toString().substring(0, 8);
    private Api.User alice;
    private Api.User bob;
    private ResolvedTrack played;

    @BeforeEach
    void aliceListensToATrack() {
        alice = api().newUser();
        bob = api().newUser();
        played = listen(alice, new TrackCredit("Aurora " + u + " feat. Borealis " + u, List.of(), "Northern Song",
                "Polar Nights", 215_000L, new Identifiers(null, List.of(), null, "GBAYE0601498", null)));
    }

    private ResolvedTrack listen(Api.User user, TrackCredit credit) {
        listens.ingest(IncomingListen.of(user.id(), credit, System.currentTimeMillis(), 200_000L, Service.SPOTIFY,
                Channel.NATIVE_API));
        return database.write(() -> catalog.resolveAll(List.of(credit))).get(0);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void trackShowsTitleCreditsLengthAndIdentifiers() {
        Api.Response r = alice.api().get("/api/v1/catalog/tracks/" + played.trackId());
        assertThat(r.status()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.path("id").asLong()).isEqualTo(played.trackId());
        assertThat(json.path("title").asString()).isEqualTo("Northern Song");
        assertThat(json.path("length_ms").asLong()).isEqualTo(215_000L);
        assertThat(json.path("isrc").asString()).isEqualTo("GBAYE0601498");
        assertThat(json.has("mbid")).isTrue();
        assertThat(json.path("artists").get(0).path("name").asString()).isEqualTo("Aurora " + u);
        assertThat(json.path("artists").get(0).path("role").asString()).isEqualTo("primary");
        assertThat(json.path("artists").get(1).path("name").asString()).isEqualTo("Borealis " + u);
        assertThat(json.path("artists").get(1).path("role").asString()).isEqualTo("featured");
    }

    @Test
    void albumAndArtistAreShownToTheListener() {
        JsonNode album = alice.api().get("/api/v1/catalog/albums/" + played.albumId()).json();
        assertThat(album.path("title").asString()).isEqualTo("Polar Nights");
        assertThat(album.path("artist").path("name").asString()).isEqualTo("Aurora " + u);
        long artistId = album.path("artist").path("id").asLong();

        Api.Response artist = alice.api().get("/api/v1/catalog/artists/" + artistId);
        assertThat(artist.status()).isEqualTo(200);
        assertThat(artist.json().path("name").asString()).isEqualTo("Aurora " + u);
        assertThat(artist.json().has("mbid")).isTrue();
    }

    @Test
    void anotherUsersCatalogEntriesAreNotFound() {
        long artistId = alice.api().get("/api/v1/catalog/albums/" + played.albumId()).json().path("artist").path("id").asLong();
        for (String path : List.of("/api/v1/catalog/tracks/" + played.trackId(), "/api/v1/catalog/albums/" + played.albumId(),
                "/api/v1/catalog/artists/" + artistId)) {
            Api.Response r = bob.api().get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().path("code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
        }
    }

    @Test
    void searchFindsOwnEntriesOfEveryKindByNormalizedSubstring() {
        JsonNode all = alice.api().get("/api/v1/search?q=" + q("AURORA " + u)).json();
        assertThat(all.path("artists")).hasSize(1);
        assertThat(all.path("artists").get(0).path("name").asString()).isEqualTo("Aurora " + u);

        JsonNode tracks = alice.api().get("/api/v1/search?type=track&q=" + q("northern  SONG")).json();
        assertThat(tracks.path("tracks").get(0).path("id").asLong()).isEqualTo(played.trackId());
        assertThat(tracks.path("tracks").get(0).path("artists")).hasSize(2);
        assertThat(tracks.path("artists")).isEmpty();

        JsonNode albums = alice.api().get("/api/v1/search?type=album&q=polar").json();
        assertThat(albums.path("albums")).extracting(a -> a.path("id").asLong()).contains(played.albumId());
    }

    @Test
    void searchNeverShowsAnotherUsersEntries() {
        JsonNode r = bob.api().get("/api/v1/search?q=" + q("aurora " + u)).json();
        assertThat(r.path("artists")).isEmpty();
        assertThat(r.path("albums")).isEmpty();
        assertThat(r.path("tracks")).isEmpty();
    }

    @Test
    void searchRejectsMissingOrBlankQueryBadTypeAndBadLimit() {
        assertValidationError(alice.api().get("/api/v1/search"), "q");
        assertValidationError(alice.api().get("/api/v1/search?q=%20%20"), "q");
        assertValidationError(alice.api().get("/api/v1/search?q=a&type=playlist"), "type");
        assertValidationError(alice.api().get("/api/v1/search?q=a&limit=0"), "limit");
        assertValidationError(alice.api().get("/api/v1/search?q=a&limit=101"), "limit");
        assertThat(alice.api().get("/api/v1/search?q=a&limit=100").status()).isEqualTo(200);
        assertThat(alice.api().get("/api/v1/search?q=a&limit=1").status()).isEqualTo(200);
    }

    @Test
    void catalogRequiresAuthentication() {
        assertThat(api().get("/api/v1/catalog/tracks/" + played.trackId()).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/search?q=a").status()).isEqualTo(401);
    }

    private static void assertValidationError(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
    }
}
