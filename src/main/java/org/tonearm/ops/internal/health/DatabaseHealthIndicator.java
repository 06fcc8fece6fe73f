package org.tonearm.ops.internal.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tonearm.ops.internal.persistence.JooqHealthProbe;
import org.tonearm.shared.DatabaseKind;

/**
 * The {@code db} component: the database answers {@code select 1}; details name the database and the
 * measured round trip (SPEC §8 "/health/db includes the round-trip time").
 *
 * <p>The bean name {@code dbHealthIndicator} replaces Spring Boot's own DataSource indicator, which would
 * otherwise report a second component called {@code db} without the round trip.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);

    private final JooqHealthProbe probe;
    private final String databaseName;

    DatabaseHealthIndicator(JooqHealthProbe probe, DatabaseKind kind) {
        this.probe = probe;
        this.databaseName = kind == DatabaseKind.SQLITE ? "SQLite" : "PostgreSQL";
    }

    /**
     * One unreported probe at startup: the very first jOOQ query pays for class loading and rendering
     * setup (hundreds of ms), which is not database latency and must not show up as the first round trip.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        health();
    }

    @Override
    public Health health() {
        try {
            long nanos = probe.selectOneNanos();
            return Health.up().withDetail("database", databaseName).withDetail("round_trip_ms", millis(nanos)).build();
        } catch (RuntimeException e) {
            // the exception text may carry the JDBC URL but never credentials; the type is enough to triage
            return Health.down().withDetail("database", databaseName)
                    .withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    /** Milliseconds with 3 decimals (microsecond resolution), e.g. 0.412. */
    static BigDecimal millis(long nanos) {
        return BigDecimal.valueOf(nanos).divide(NANOS_PER_MILLI, 3, RoundingMode.HALF_UP);
    }
}
