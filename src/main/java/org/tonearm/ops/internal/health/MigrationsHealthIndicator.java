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

    /**
     * Liquibase runs only at start, so once seen applied the count stays: remembered, it spares readiness a second
     * round trip to a database that may be hanging (issue #16); the db component reports reachability.
     */
    private volatile Health applied;

    @Override
    public Health health() {
        Health known = applied;
        if (known != null) {
            return known;
        }
        try {
            int count = probe.appliedChangesets();
            Health health = (count > 0 ? Health.up() : Health.down()).withDetail("changesets", count).build();
            if (count > 0) {
                applied = health;
            }
            return health;
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
