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
 * Redis configured but unreachable (nothing listens on port 1): the per-user versions cannot be read, so the cache is
 * bypassed and every answer is computed, exact, including the write just made (issue 11 item 6, docs/operations.md).
 */
@TestPropertySource(properties = {"tonearm.redis.url=redis://127.0.0.1:1", "tonearm.redis.timeout=200ms"})
class StatsCacheRedisDownIntegrationTests extends IntegrationTestBase {

    @Autowired
    MeterRegistry meters;

    private double hits() {
        Counter c = meters.find("tonearm.stats.cache").tag("view", "overview").tag("result", "hit").counter();
        return c == null ? 0 : c.count();
    }

    private static long plays(Api me) {
        Api.Response r = me.get("/api/v1/stats/overview?year=2024");
        assertThat(r.status()).isEqualTo(200);
        return r.json().path("items").get(0).path("plays").asLong();
    }

    @Test
    void requestsAreAnsweredExactlyWithoutTheCache() {
        Api me = api().newUser().api();
        assertThat(me.post("/api/v1/listens", Map.of("artist", "A", "track", "T", "listened_at", "2024-03-01T12:00:00Z",
                "duration_played_ms", 180_000)).status()).isEqualTo(201);
        assertThat(plays(me)).isEqualTo(1);
        assertThat(plays(me)).isEqualTo(1);
        assertThat(me.post("/api/v1/listens", Map.of("artist", "A", "track", "U", "listened_at", "2024-03-02T12:00:00Z",
                "duration_played_ms", 180_000)).status()).isEqualTo(201);
        assertThat(plays(me)).isEqualTo(2);
        assertThat(hits()).isZero();
    }
}
