package org.tonearm.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Credits that grow (docs/api.md#catalog, issue 17 item 3), as every user sees them over HTTP: another user's later
 * listen naming more artists adds them to the track, and search, catalog pages, listens and statistics (cached
 * before the growth) all show them; a user who had corrected their listen to another track is left alone.
 */
class CreditGrowthApiIntegrationTests extends IntegrationTestBase {

    private static final long T0 = Instant.parse("2024-05-01T12:00:00Z").getEpochSecond();

    private final String u = UUID.randomUUID().toString().substring(0, 8);
    private final String major = "Major Lazer " + u;
    private final String mo = "MØ " + u;
    private final String snake = "DJ Snake " + u;
    private Api.User alice;
    private Api.User bob;
    private long aliceListen;

    @BeforeEach
    void aliceListensWithoutTheFeaturedArtists() {
        alice = api().newUser();
        bob = api().newUser();
        aliceListen = create(alice, listen(major, "Lean On", 0));
    }

    private static Map<String, Object> listen(String artist, String track, int minutes) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("artist", artist);
        l.put("track", track);
        l.put("listened_at", T0 + minutes * 60L);
        l.put("duration_played_ms", 176_000);
        l.put("service", "spotify");
        return l;
    }

    private static long create(Api.User user, Map<String, Object> listen) {
        Api.Response r = user.api().post("/api/v1/listens", listen);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("listen").path("id").asLong();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> topArtists(Api.User user) {
        Api.Response r = user.api().get("/api/v1/stats/top/artists?range=all_time");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("items").valueStream().map(i -> i.path("artist").path("name").asString()).toList();
    }

    private static JsonNode credits(Api.User user, long listenId) {
        return user.api().get("/api/v1/listens/" + listenId).json().path("track").path("artists");
    }

    @Test
    void anotherUsersFullerCreditAddsItsArtistsToEveryonesListensSearchAndStatistics() {
        assertThat(topArtists(alice)).containsExactly(major); // cached now: the growth must invalidate it
        assertThat(alice.api().get("/api/v1/search?type=artist&q=" + q(mo)).json().path("artists")).isEmpty();

        create(bob, listen(major, "Lean On (feat. " + mo + " & " + snake + ")", 5));

        assertThat(credits(alice, aliceListen)).extracting(a -> a.path("name").asString(), a -> a.path("role").asString())
                .containsExactly(tuple(major, "primary"), tuple(snake, "featured"), tuple(mo, "featured"));
        assertThat(topArtists(alice)).containsExactlyInAnyOrder(major, mo, snake);
        JsonNode top = alice.api().get("/api/v1/stats/top/artists?range=all_time").json().path("items");
        assertThat(top).allSatisfy(item -> assertThat(item.path("plays").asLong()).isEqualTo(1));

        JsonNode found = alice.api().get("/api/v1/search?type=artist&q=" + q(mo)).json().path("artists");
        assertThat(found).extracting(a -> a.path("name").asString()).containsExactly(mo);
        long moId = found.get(0).path("id").asLong();
        assertThat(alice.api().get("/api/v1/catalog/artists/" + moId).status()).isEqualTo(200);
        Api.Response page = alice.api().get("/api/v1/stats/artists/" + moId + "?range=all_time");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("items").get(0).path("featured_plays").asLong()).isEqualTo(1);
    }

    @Test
    void aStructuredArtistListGrowsTheTrackToo() {
        Map<String, Object> structured = listen(major, "Lean On", 5);
        structured.put("artists", List.of(major, mo));
        create(bob, structured);

        assertThat(credits(alice, aliceListen)).extracting(a -> a.path("name").asString(), a -> a.path("role").asString())
                .containsExactly(tuple(major, "primary"), tuple(mo, "featured"));
        assertThat(topArtists(alice)).containsExactlyInAnyOrder(major, mo);
    }

    @Test
    void aListenCorrectedToAnotherTrackKeepsItsCorrectionWhenTheOriginalTrackGrows() {
        Api.User carol = api().newUser();
        long carolListen = create(carol, listen(major, "Lean On", 1));
        String other = "Other Artist " + u;
        Api.Response corrected = carol.api().patch("/api/v1/listens/" + carolListen, Map.of("artist", other));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);

        create(bob, listen(major, "Lean On (feat. " + mo + ")", 5));

        assertThat(credits(carol, carolListen)).extracting(a -> a.path("name").asString()).containsExactly(other);
        assertThat(topArtists(carol)).containsExactly(other);
        assertThat(carol.api().get("/api/v1/search?type=artist&q=" + q(mo)).json().path("artists")).isEmpty();
        assertThat(credits(alice, aliceListen)).extracting(a -> a.path("name").asString()).containsExactly(major, mo);
    }

    @Test
    void aListenNamingNoNewArtistChangesNothing() {
        create(bob, listen(major + " feat. " + mo, "Lean On", 5));
        create(alice, listen(major, "Lean On (ft. " + mo + ")", 10));

        assertThat(credits(alice, aliceListen)).extracting(a -> a.path("name").asString()).containsExactly(major, mo);
        JsonNode top = alice.api().get("/api/v1/stats/top/artists?range=all_time").json().path("items");
        assertThat(top).extracting(i -> i.path("artist").path("name").asString(), i -> i.path("plays").asLong())
                .containsExactlyInAnyOrder(tuple(major, 2L), tuple(mo, 2L));
    }
}
