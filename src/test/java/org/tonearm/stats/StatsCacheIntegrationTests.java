package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 6: stats answers are cached per user and version, so a repeated request is a hit and an answer is
 * never stale after a write. Ranges in 2024 are used so that both requests of a pair have the same key whatever the
 * clock does between them (ranges ending "now" are keyed by the second; see the package documentation).
 */
class StatsCacheIntegrationTests extends IntegrationTestBase {

    @Autowired
    MeterRegistry meters;

    private double count(String view, String result) {
        Counter c = meters.find("tonearm.stats.cache").tag("view", view).tag("result", result).counter();
        return c == null ? 0 : c.count();
    }

    private static Map<String, Object> listen(String track, String at) {
        return Map.of("artist", "Cache Artist", "track", track, "listened_at", at, "duration_played_ms", 180_000);
    }

    private static JsonNode overview(Api me) {
        Api.Response r = me.get("/api/v1/stats/overview?year=2024");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static long plays(JsonNode overview) {
        return overview.path("items").get(0).path("plays").asLong();
    }

    @Test
    void aSecondIdenticalRequestIsAHitAndGetsTheSameAnswer() {
        Api me = api().newUser().api();
        assertThat(me.post("/api/v1/listens", listen("One", "2024-03-01T12:00:00Z")).status()).isEqualTo(201);

        double hits = count("overview", "hit");
        double misses = count("overview", "miss");
        JsonNode first = overview(me);
        assertThat(count("overview", "miss")).isEqualTo(misses + 1);
        assertThat(count("overview", "hit")).isEqualTo(hits);

        JsonNode second = overview(me);
        assertThat(count("overview", "hit")).isEqualTo(hits + 1);
        assertThat(second).isEqualTo(first); // the same answer, computed_at included

        double topHits = count("top", "hit");
        me.get("/api/v1/stats/top/tracks?year=2024&limit=5");
        me.get("/api/v1/stats/top/tracks?year=2024&limit=6"); // other parameters: another answer
        assertThat(count("top", "hit")).isEqualTo(topHits);
        me.get("/api/v1/stats/top/tracks?year=2024&limit=5");
        assertThat(count("top", "hit")).isEqualTo(topHits + 1);
    }

    @Test
    void aWriteIsInTheVeryNextAnswer() {
        Api me = api().newUser().api();
        me.post("/api/v1/listens", listen("One", "2024-03-01T12:00:00Z"));
        assertThat(plays(overview(me))).isEqualTo(1);
        assertThat(plays(overview(me))).isEqualTo(1); // now cached

        assertThat(me.post("/api/v1/listens", listen("Two", "2024-03-02T12:00:00Z")).status()).isEqualTo(201);
        JsonNode after = overview(me);
        assertThat(plays(after)).isEqualTo(2);
        assertThat(me.get("/api/v1/stats/top/tracks?year=2024").json().path("total").asInt()).isEqualTo(2);

        Api.Response deleted = me.delete("/api/v1/listens?from=2024-03-02T00:00:00Z&to=2024-03-03T00:00:00Z");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(plays(overview(me))).isEqualTo(1);
        assertThat(me.get("/api/v1/stats/top/tracks?year=2024").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void anotherUsersWritesLeaveThisUsersAnswersCached() {
        Api me = api().newUser().api();
        Api other = api().newUser().api();
        me.post("/api/v1/listens", listen("Mine", "2024-03-01T12:00:00Z"));
        JsonNode first = overview(me);

        assertThat(other.post("/api/v1/listens", listen("Theirs", "2024-03-01T13:00:00Z")).status()).isEqualTo(201);
        double hits = count("overview", "hit");
        JsonNode again = overview(me);
        assertThat(count("overview", "hit")).isEqualTo(hits + 1);
        assertThat(again).isEqualTo(first);
        assertThat(plays(overview(other))).isEqualTo(1);
    }
}
