package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * {@code tonearm.stats.cache.enabled=false} (TONEARM_STATS_CACHE_ENABLED, what the benchmark sets): every request
 * computes its answer, counted as a miss (issue 11 item 6).
 */
@TestPropertySource(properties = "tonearm.stats.cache.enabled=false")
class StatsCacheDisabledIntegrationTests extends IntegrationTestBase {

    @Autowired
    MeterRegistry meters;

    private double count(String result) {
        Counter c = meters.find("tonearm.stats.cache").tag("view", "overview").tag("result", result).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void everyRequestMisses() {
        Api me = api().newUser().api();
        me.post("/api/v1/listens", Map.of("artist", "A", "track", "T", "listened_at", "2024-03-01T12:00:00Z",
                "duration_played_ms", 180_000));
        double misses = count("miss");
        for (int i = 0; i < 3; i++) {
            assertThat(me.get("/api/v1/stats/overview?year=2024").json().path("items").get(0).path("plays").asLong())
                    .isEqualTo(1);
        }
        assertThat(count("miss")).isEqualTo(misses + 3);
        assertThat(count("hit")).isZero();
    }
}
