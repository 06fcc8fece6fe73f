package org.tonearm.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.stats.Movement;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.OpenApiContract;
import tools.jackson.databind.JsonNode;

/**
 * The statistics answers are what /api/v1/openapi.json says they are (issue #15 item 4): every view of
 * {@code /api/v1/stats/…} and of a PUBLIC profile's {@code /api/v1/users/{username}/stats/…}, for a few ranges, with
 * listens and without, validated against the documented schema (closed records: no key more, none missing, null
 * only where documented).
 */
class StatsContractIntegrationTests extends IntegrationTestBase {

    static final List<String> RANGES = List.of("year=2024", "month=2024-02", "range=all_time");

    private static Map<String, Object> listen(String artist, String track, String album, String at, long playedMs) {
        return Map.of("artist", artist, "track", track, "album", album, "listened_at", at,
                "duration_played_ms", playedMs, "duration_ms", 200_000);
    }

    /** Every view of the stats API, for one range (its query), with the seeded artist, album and track ids. */
    private static List<String> views(String range, long artist, long album, long track) {
        List<String> views = new ArrayList<>();
        for (String v : List.of("overview", "top/artists", "top/albums", "top/tracks", "top/tracks?order=time",
                "timeline?step=day", "timeline?step=week", "timeline?step=month", "timeline?step=year", "heatmap",
                "clock", "discoveries?type=artists", "discoveries?type=albums", "discoveries?type=tracks", "streaks",
                "insights", "artists/" + artist, "albums/" + album, "tracks/" + track,
                // the views MusicBrainz enrichment enables (issue #13 item 5); without enrichment all plays are unknown
                "top/genres", "top/genres?order=time", "artist-map", "eras")) {
            views.add(v + (v.contains("?") ? "&" : "?") + range);
        }
        return views;
    }

    @Test
    void everyStatsViewAnswersAsDocumented() {
        OpenApiContract contract = OpenApiContract.of(api());
        Api.User user = api().newUser();
        Api me = user.api();
        assertThat(me.post("/api/v1/listens", Map.of("listens", List.of(
                listen("Low", "Words", "I Could Live in Hope", "2024-01-10T10:00:00Z", 180_000),
                listen("Low", "Words", "I Could Live in Hope", "2024-02-10T21:00:00Z", 180_000),
                listen("Low feat. Mimi", "Lazy", "I Could Live in Hope", "2024-02-11T08:00:00Z", 20_000),
                listen("Codeine", "D", "Frigid Stars", "2024-02-12T12:00:00Z", 200_000),
                listen("Codeine", "Pea", "Frigid Stars", "2023-12-30T12:00:00Z", 200_000)))).status())
                .isIn(200, 201, 202);
        assertThat(me.patch("/api/v1/me", Map.of("profile_visibility", "PUBLIC")).status()).isEqualTo(200);
        JsonNode top = me.get("/api/v1/stats/top/artists?year=2024").json().path("items").get(0);
        long artist = top.path("artist").path("id").asLong();
        long album = me.get("/api/v1/stats/top/albums?year=2024").json().path("items").get(0).path("album").path("id").asLong();
        long track = me.get("/api/v1/stats/top/tracks?year=2024").json().path("items").get(0).path("track").path("id").asLong();

        List<String> problems = new ArrayList<>();
        int withItems = 0;
        for (String range : RANGES) {
            for (String view : views(range, artist, album, track)) {
                Api.Response own = me.get("/api/v1/stats/" + view);
                assertThat(own.status()).as(view + ": " + own.body()).isEqualTo(200);
                problems.addAll(contract.check("GET", documented("/api/v1/stats/" + view), own));
                withItems += own.json().path("items").isEmpty() ? 0 : 1;
                Api.Response shared = api().get("/api/v1/users/" + user.username() + "/stats/" + view);
                assertThat(shared.status()).as(view + ": " + shared.body()).isEqualTo(200);
                problems.addAll(contract.check("GET", "/api/v1/users/{username}/stats/**", shared));
            }
        }
        Api.Response year = me.get("/api/v1/stats/year/2024");
        problems.addAll(contract.check("GET", "/api/v1/stats/year/{year}", year));
        problems.addAll(contract.check("GET", "/api/v1/users/{username}/stats/**",
                api().get("/api/v1/users/" + user.username() + "/stats/year/2024")));

        assertThat(problems).as("real stats answers that differ from /api/v1/openapi.json").isEmpty();
        // not vacuous: the seeded views have entries (items of a view without listens would match anything)
        assertThat(withItems).isGreaterThan(50);
        assertThat(year.json().path("items").get(0).path("top_artists")).isNotEmpty();
    }

    @Test
    void statsOfAUserWithoutListensAnswerAsDocumented() {
        OpenApiContract contract = OpenApiContract.of(api());
        Api me = api().newUser().api();
        List<String> problems = new ArrayList<>();
        for (String range : RANGES) {
            for (String view : views(range, 1, 1, 1)) {
                if (view.matches("(artists|albums|tracks)/.*")) {
                    continue; // not theirs: 404
                }
                Api.Response r = me.get("/api/v1/stats/" + view);
                assertThat(r.status()).as(view + ": " + r.body()).isEqualTo(200);
                problems.addAll(contract.check("GET", documented("/api/v1/stats/" + view), r));
            }
        }
        Api.Response year = me.get("/api/v1/stats/year/2024");
        problems.addAll(contract.check("GET", "/api/v1/stats/year/{year}", year));
        // null where the document says it may be: no streak dates, no top day, no month's top track
        assertThat(year.json().path("items").get(0).path("top_day").isNull()).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void aKeyTheDocumentDoesNotKnowOrOneItLacksIsAViolation() {
        OpenApiContract contract = OpenApiContract.of(api());
        Api me = api().newUser().api();
        me.post("/api/v1/listens", listen("Low", "Words", "Album", "2024-01-10T10:00:00Z", 180_000));
        Api.Response real = me.get("/api/v1/stats/overview?year=2024");
        assertThat(contract.check("GET", "/api/v1/stats/overview", real)).isEmpty();

        String extra = real.body().replaceFirst("\"unique_tracks\"", "\"unique_songs\":1,\"unique_tracks\"");
        String missing = real.body().replaceFirst("\"skip_rate\":[^,}]+,?", "");
        String nulled = real.body().replaceFirst("\"plays\":1", "\"plays\":null");
        for (String body : List.of(extra, missing, nulled)) {
            assertThat(body).isNotEqualTo(real.body());
            assertThat(contract.check("GET", "/api/v1/stats/overview", new Api.Response(200, body, real.headers())))
                    .as(body).isNotEmpty();
        }
    }

    @Test
    void theDocumentedMovementsAreTheRankMovements() {
        JsonNode doc = Api.JSON.readTree(api().get("/api/v1/openapi.json").body());
        List<String> movements = java.util.Arrays.stream(Movement.values())
                .map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).toList();
        for (String schema : List.of("StatsTopArtist", "StatsTopAlbum", "StatsTopTrack")) {
            List<String> documented = new ArrayList<>();
            doc.path("components").path("schemas").path(schema).path("properties").path("movement").path("enum")
                    .forEach(v -> documented.add(v.asString()));
            assertThat(documented).as(schema).containsExactlyInAnyOrderElementsOf(movements);
        }
    }

    /** The document's path of a stats view: the entity pages and year are templated, the others literal. */
    private static String documented(String pathAndQuery) {
        String path = pathAndQuery.split("\\?")[0];
        return path.replaceFirst("^/api/v1/stats/(artists|albums|tracks)/\\d+$", "/api/v1/stats/{kind}/{id}")
                .replaceFirst("^/api/v1/stats/top/(artists|albums|tracks)$", "/api/v1/stats/top/{kind}");
    }
}
