package org.tonearm.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Who sees which catalog entry (docs/api.md#accounts-and-authentication; issue #10 item 5). Users A and B are PRIVATE, C is PUBLIC; each listens to
 * an artist, album and track of their own. An entry is visible to a caller who has a listen of it or when a PUBLIC
 * profile has one; a listen of any classification counts (a SKIP is still in that history). Anything else is 404
 * RESOURCE_NOT_FOUND exactly as for an id that does not exist, and search leaves it out. Every route needs
 * listens:read; a login session has every scope.
 */
class CatalogVisibilityIntegrationTests extends IntegrationTestBase {

    /** Every catalog read route, each with a path builder for one entry (search: a query for its name). */
    static final List<String> ROUTES = List.of("GET /api/v1/catalog/artists/{id}", "GET /api/v1/catalog/albums/{id}",
            "GET /api/v1/catalog/tracks/{id}", "GET /api/v1/search");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private final String u = UUID.randomUUID().toString().substring(0, 8);
    private Api.User a;
    private Api.User b;
    private Api.User c;
    private Entries ofA;
    private Entries ofB;
    private Entries ofC;

    /** The three entries of one listen, and the name that finds all three in a search. */
    record Entries(String name, long artistId, long albumId, long trackId) {}

    @BeforeEach
    void threeUsersEachWithAHistory() {
        a = api().newUser();
        b = api().newUser();
        c = api().newUser();
        assertThat(c.api().patch("/api/v1/me", Map.of("profile_visibility", "PUBLIC")).status()).isEqualTo(200);
        ofA = listen(a, "Aardvark" + u, 200_000L);
        ofB = listen(b, "Bison" + u, 200_000L);
        ofC = listen(c, "Caracal" + u, 200_000L);
    }

    /** A listen whose artist, track and album are all named {@code name} (+ a suffix), played for {@code playedMs}. */
    private Entries listen(Api.User user, String name, long playedMs) {
        Api.Response r = user.api().post("/api/v1/listens", Map.of("artist", name + " Band", "track", name + " Song",
                "album", name + " Record", "listened_at", 1_700_000_000L, "duration_played_ms", playedMs,
                "track_length_ms", 200_000L));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode l = r.json().path("listen");
        return new Entries(name, l.path("track").path("artists").get(0).path("id").asLong(),
                l.path("album").path("id").asLong(), l.path("track").path("id").asLong());
    }

    private static List<String> pages(Entries e) {
        return List.of("/api/v1/catalog/artists/" + e.artistId(), "/api/v1/catalog/albums/" + e.albumId(),
                "/api/v1/catalog/tracks/" + e.trackId());
    }

    private static String search(Entries e) {
        return "/api/v1/search?q=" + URLEncoder.encode(e.name(), StandardCharsets.UTF_8);
    }

    /** Ids found by a search for the entries' name, per kind: [artists, albums, tracks]. */
    private static List<List<Long>> found(Api client, Entries e) {
        Api.Response r = client.get(search(e));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        return List.of(ids(json.path("artists")), ids(json.path("albums")), ids(json.path("tracks")));
    }

    private static List<Long> ids(JsonNode array) {
        return array.valueStream().map(n -> n.path("id").asLong()).toList();
    }

    private static List<List<Long>> all(Entries e) {
        return List.of(List.of(e.artistId()), List.of(e.albumId()), List.of(e.trackId()));
    }

    private static final List<List<Long>> NOTHING = List.of(List.of(), List.of(), List.of());

    private static void assertSees(Api client, Entries e) {
        for (String path : pages(e)) {
            assertThat(client.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(found(client, e)).isEqualTo(all(e));
    }

    private static void assertDoesNotSee(Api client, Entries e) {
        for (String path : pages(e)) {
            Api.Response r = client.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().path("code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
        }
        assertThat(found(client, e)).isEqualTo(NOTHING);
    }

    private String token(Api.User user, List<String> scopes) {
        return user.api().post("/api/v1/me/tokens", Map.of("name", "t", "scopes", scopes)).json().path("token").asString();
    }

    @Test
    void everyCatalogReadRouteIsCoveredHere() {
        TreeSet<String> routes = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(p -> {
            if (p.startsWith("/api/v1/catalog") || p.startsWith("/api/v1/search")) {
                info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + p));
            }
        }));
        assertThat(routes).isEqualTo(new TreeSet<>(ROUTES));
    }

    @Test
    void eachUserSeesTheirOwnEntries() {
        assertSees(a.api(), ofA);
        assertSees(b.api(), ofB);
        assertSees(c.api(), ofC);
    }

    @Test
    void aPrivateHistoryIsInvisibleToOtherUsers() {
        assertDoesNotSee(b.api(), ofA);
        assertDoesNotSee(a.api(), ofB);
        assertDoesNotSee(c.api(), ofA);
    }

    @Test
    void aPublicProfilesEntriesAreVisibleToEveryone() {
        assertSees(a.api(), ofC);
        assertSees(b.api(), ofC);
    }

    @Test
    void anEntryThatAPrivateAndAPublicUserShareIsVisibleThroughThePublicOne() {
        listen(c, "Aardvark" + u, 200_000L);
        assertSees(b.api(), ofA);
    }

    @Test
    void aProfileTurnedPrivateStopsShowingAtOnce() {
        assertThat(c.api().patch("/api/v1/me", Map.of("profile_visibility", "PRIVATE")).status()).isEqualTo(200);
        assertDoesNotSee(a.api(), ofC);
        assertSees(c.api(), ofC);
    }

    @Test
    void aSkippedListenStillCountsForItsOwnerAndOnlyThem() {
        // boundary: a SKIP (weight 0) is part of A's history, so A sees its entries; B still does not
        Api.Response r = a.api().post("/api/v1/listens", Map.of("artist", "Skipped" + u + " Band", "track",
                "Skipped" + u + " Song", "album", "Skipped" + u + " Record", "listened_at", 1_700_000_500L,
                "duration_played_ms", 1_000L, "track_length_ms", 200_000L));
        assertThat(r.json().path("listen").path("classification").asString()).isEqualTo("SKIP");
        JsonNode l = r.json().path("listen");
        Entries skipped = new Entries("Skipped" + u, l.path("track").path("artists").get(0).path("id").asLong(),
                l.path("album").path("id").asLong(), l.path("track").path("id").asLong());
        assertSees(a.api(), skipped);
        assertDoesNotSee(b.api(), skipped);
    }

    @Test
    void aFeaturedArtistIsVisibleThroughTheTrackThatCreditsIt() {
        a.api().post("/api/v1/listens", Map.of("artist", "Host" + u, "track", "Duet" + u + " (feat. Guest" + u + ")",
                "listened_at", 1_700_000_900L));
        for (Api.User user : List.of(a, b)) {
            JsonNode artists = user.api().get("/api/v1/search?type=artist&q=guest" + u).json().path("artists");
            assertThat(ids(artists)).as(user.username()).hasSize(user == a ? 1 : 0);
        }
    }

    @Test
    void anIdThatDoesNotExistAnswersLikeAnInvisibleOne() {
        Api.Response invisible = b.api().get("/api/v1/catalog/tracks/" + ofA.trackId());
        Api.Response missing = b.api().get("/api/v1/catalog/tracks/" + Long.MAX_VALUE);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(invisible.json().path("code")).isEqualTo(missing.json().path("code"));
        assertThat(invisible.json().path("title")).isEqualTo(missing.json().path("title"));
        assertThat(invisible.json().path("detail").asString())
                .isEqualTo(missing.json().path("detail").asString().replace(String.valueOf(Long.MAX_VALUE),
                        String.valueOf(ofA.trackId())));
    }

    @Test
    void apiTokensNeedListensReadOnEveryRoute() {
        List<String> paths = new java.util.ArrayList<>(pages(ofA));
        paths.add(search(ofA));
        for (List<String> scopes : List.of(List.of("listens:write"), List.of("stats:read"),
                List.of("listens:write", "stats:read"))) {
            String t = token(a, scopes);
            for (Api client : List.of(api().auth("Token " + t), api().bearer(t))) {
                for (String path : paths) {
                    Api.Response r = client.get(path);
                    assertThat(r.status()).as(scopes + " " + path).isEqualTo(403);
                    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(r.json().path("code").asString()).isEqualTo("PERMISSION_DENIED");
                }
            }
        }
        for (List<String> scopes : List.of(List.of("listens:read"), List.of("listens:read", "listens:write", "stats:read"))) {
            String t = token(a, scopes);
            assertSees(api().auth("Token " + t), ofA);
            assertSees(api().bearer(t), ofC);
            // a token is its owner's: B's token with listens:read does not reach A's entries
            assertDoesNotSee(api().auth("Token " + token(b, scopes)), ofA);
        }
    }

    @Test
    void withoutCredentialsEveryRouteIs401() {
        List<String> paths = new java.util.ArrayList<>(pages(ofC));
        paths.add(search(ofC));
        for (String path : paths) {
            Api.Response r = api().get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
