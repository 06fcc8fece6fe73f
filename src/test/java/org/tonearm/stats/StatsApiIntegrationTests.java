package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** The native stats API (docs/api.md#statistics): the envelope, the resolved range and its previous period, errors, scopes. */
class StatsApiIntegrationTests extends IntegrationTestBase {

    private static Map<String, Object> listen(String artist, String track, String at) {
        return Map.of("artist", artist, "track", track, "listened_at", at, "duration_played_ms", 180_000,
                "album", "Album");
    }

    @Test
    void topListsComeInTheEnvelopeWithPreviousRanks() {
        Api me = api().newUser().api();
        me.post("/api/v1/listens", Map.of("listens", List.of(
                listen("A", "One", "2024-01-10T10:00:00Z"), listen("B", "Two", "2024-01-11T10:00:00Z"),
                listen("B", "Two", "2024-02-10T10:00:00Z"), listen("A", "One", "2024-02-11T10:00:00Z"),
                listen("A", "One", "2024-02-12T10:00:00Z"), listen("C", "Three", "2024-02-13T10:00:00Z"))));

        Api.Response r = me.get("/api/v1/stats/top/artists?month=2024-02&limit=2");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("range").path("name").asString()).isEqualTo("month");
        assertThat(body.path("range").path("from").asString()).isEqualTo("2024-02-01T00:00:00.000Z");
        assertThat(body.path("range").path("to").asString()).isEqualTo("2024-03-01T00:00:00.000Z");
        assertThat(body.path("range").path("previous").path("from").asString()).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(body.path("computed_at").asString()).endsWith("Z");
        assertThat(body.path("total").asInt()).isEqualTo(3);
        assertThat(body.path("offset").asInt()).isZero();
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("artist").path("name").asString()).isEqualTo("A");
        assertThat(first.path("plays").asLong()).isEqualTo(2);
        assertThat(first.path("listening_time_ms").asLong()).isEqualTo(360_000);
        assertThat(first.path("previous_rank").asInt()).isEqualTo(1); // A (10 Jan) ties B (11 Jan) in January: by id
        assertThat(first.path("movement").asString()).isEqualTo("same");
        JsonNode second = body.path("items").get(1);
        assertThat(second.path("artist").path("name").asString()).isEqualTo("B");
        assertThat(second.path("movement").asString()).isEqualTo("same");
        JsonNode third = me.get("/api/v1/stats/top/artists?month=2024-02&offset=2").json().path("items").get(0);
        assertThat(third.path("rank").asInt()).isEqualTo(3);
        assertThat(third.path("movement").asString()).isEqualTo("new");
        assertThat(third.path("previous_rank").isNull()).isTrue();
    }

    @Test
    void overviewTimelineAndHeatmapShareTheEnvelope() {
        Api me = api().newUser().api();
        me.post("/api/v1/listens", listen("A", "One", "2024-01-01T23:30:00Z")); // a Monday

        JsonNode overview = me.get("/api/v1/stats/overview?year=2024").json();
        assertThat(overview.path("items").get(0).path("plays").asLong()).isEqualTo(1);
        assertThat(overview.path("items").get(0).path("change").path("plays").path("percent").isNull()).isTrue();
        assertThat(me.get("/api/v1/stats/overview?range=all_time").json().path("items").get(0).has("change")).isFalse();

        JsonNode weeks = me.get("/api/v1/stats/timeline?year=2024&step=month").json();
        assertThat(weeks.path("items")).hasSize(12);
        assertThat(weeks.path("items").get(0).path("plays").asLong()).isEqualTo(1);

        JsonNode heatmap = me.get("/api/v1/stats/heatmap?year=2024").json();
        assertThat(heatmap.path("items")).hasSize(7 * 24);
        assertThat(heatmap.path("items").get(0).path("weekday").asInt()).isEqualTo(1);
        assertThat(heatmap.path("items").get(23).path("plays").asLong()).isEqualTo(1);
    }

    @Test
    void entityPagesDiscoveriesAndYearInReview() {
        Api me = api().newUser().api();
        me.post("/api/v1/listens", listen("Low", "Words", "2024-03-05T10:00:00Z"));
        long artist = me.get("/api/v1/stats/top/artists?year=2024").json().path("items").get(0).path("artist")
                .path("id").asLong();

        JsonNode page = me.get("/api/v1/stats/artists/" + artist + "?year=2024").json().path("items").get(0);
        assertThat(page.path("first_listened_at").asString()).isEqualTo("2024-03-05T10:00:00.000Z");
        assertThat(page.path("plays").asLong()).isEqualTo(1);
        assertThat(page.path("rank").asInt()).isEqualTo(1);
        assertThat(me.get("/api/v1/stats/tracks/999999999").status()).isEqualTo(404);

        JsonNode found = me.get("/api/v1/stats/discoveries?year=2024&type=tracks").json();
        assertThat(found.path("total").asInt()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("date").asString()).isEqualTo("2024-03-05");

        JsonNode year = me.get("/api/v1/stats/year/2024").json().path("items").get(0);
        assertThat(year.path("plays").asLong()).isEqualTo(1);
        assertThat(year.path("months")).hasSize(12);
        assertThat(year.path("months").get(2).path("top_track").path("track").path("title").asString())
                .isEqualTo("Words");
    }

    @Test
    void badParametersAre400ProblemsNamingTheField() {
        Api me = api().newUser().api();
        Api.Response unknown = me.get("/api/v1/stats/overview?range=fortnight");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).contains("application/problem+json");
        assertThat(unknown.body()).contains("\"range\"");
        assertThat(me.get("/api/v1/stats/top/tracks?range=7d&year=2024").body()).contains("\"year\"");
        assertThat(me.get("/api/v1/stats/top/tracks?limit=1001").body()).contains("\"limit\"");
        assertThat(me.get("/api/v1/stats/top/tracks?limit=0").status()).isEqualTo(400);
        assertThat(me.get("/api/v1/stats/top/tracks?limit=1000").status()).isEqualTo(200);
        assertThat(me.get("/api/v1/stats/timeline?step=hour").body()).contains("\"step\"");
    }

    @Test
    void statsNeedTheStatsReadScope() {
        Api.User user = api().newUser();
        String listensOnly = user.api().post("/api/v1/me/tokens", Map.of("name", "t", "scopes", List.of("listens:read")))
                .json().path("token").asString();
        assertThat(api().bearer(listensOnly).get("/api/v1/stats/overview").status()).isEqualTo(403);
        assertThat(api().get("/api/v1/stats/overview").status()).isEqualTo(401);
        assertThat(user.api().get("/api/v1/stats/overview").status()).isEqualTo(200);
    }
}
