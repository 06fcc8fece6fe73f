package org.tonearm.ops.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

class HealthReportTests {

    @Test
    void compositeIsUpWithStatus200OnlyWhenEveryComponentIsUp() {
        Map<String, Object> body = HealthReport.composite(Map.of("db", Health.up().build(), "x", Health.up().build()));

        assertThat(body.get("status")).isEqualTo("UP");
        assertThat(HealthReport.httpStatus(body)).isEqualTo(200);
    }

    @Test
    void oneDownComponentMakesTheWholeReportDownWith503() {
        Map<String, Health> components = new LinkedHashMap<>();
        components.put("db", Health.down().withDetail("database", "SQLite").build());
        components.put("liveness", Health.up().build());

        Map<String, Object> body = HealthReport.composite(components);

        assertThat(body.get("status")).isEqualTo("DOWN");
        assertThat(HealthReport.httpStatus(body)).isEqualTo(503);
        assertThat(body.get("components")).isEqualTo(Map.of(
                "db", Map.of("status", "DOWN", "details", Map.of("database", "SQLite")),
                "liveness", Map.of("status", "UP")));
    }

    @Test
    void outOfServiceAndUnknownAreReportedAsDown() {
        assertThat(HealthReport.status(Health.outOfService().build())).isEqualTo("DOWN");
        assertThat(HealthReport.status(Health.unknown().build())).isEqualTo("DOWN");
        assertThat(HealthReport.httpStatus(HealthReport.component(Health.outOfService().build()))).isEqualTo(503);
    }

    @Test
    void roundTripIsMillisecondsRoundedToMicroseconds() {
        assertThat(DatabaseHealthIndicator.millis(412_499)).isEqualTo(new BigDecimal("0.412"));
        assertThat(DatabaseHealthIndicator.millis(412_500)).isEqualTo(new BigDecimal("0.413"));
        assertThat(DatabaseHealthIndicator.millis(1)).isEqualTo(new BigDecimal("0.000"));
        assertThat(DatabaseHealthIndicator.millis(2_000_000_000L)).isEqualTo(new BigDecimal("2000.000"));
    }
}
