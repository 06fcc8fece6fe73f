package org.tonearm.ops.internal.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.tonearm.ops.internal.persistence.JooqHealthProbe;

/**
 * The {@code migrations} component: Liquibase has run against this database. Liquibase runs while the
 * application starts and a failed changeset stops the start, so a non-empty changelog table here means
 * the schema this build expects is in place.
 */
@Component("migrationsHealthIndicator")
class MigrationsHealthIndicator implements HealthIndicator {

    private final JooqHealthProbe probe;

    MigrationsHealthIndicator(JooqHealthProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        try {
            int applied = probe.appliedChangesets();
            return (applied > 0 ? Health.up() : Health.down()).withDetail("changesets", applied).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
