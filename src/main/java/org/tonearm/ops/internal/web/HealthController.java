package org.tonearm.ops.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.ops.internal.health.AvailabilityHealth;
import org.tonearm.ops.internal.health.HealthReport;

/**
 * The public health endpoints (SPEC §7, §8), unauthenticated so load balancers and orchestrators can
 * call them. The same indicators also appear under {@code /actuator/health}.
 */
@RestController
class HealthController {

    private final HealthIndicator db;
    private final HealthIndicator migrations;
    private final AvailabilityHealth availability;
    /** Present only when {@code TONEARM_REDIS_URL} is set (identity's rate limiter registers it). */
    private final HealthIndicator redis;

    HealthController(@Qualifier("dbHealthIndicator") HealthIndicator db,
            @Qualifier("migrationsHealthIndicator") HealthIndicator migrations, AvailabilityHealth availability,
            @Qualifier("redisHealthIndicator") ObjectProvider<HealthIndicator> redis) {
        this.db = db;
        this.migrations = migrations;
        this.availability = availability;
        this.redis = redis.getIfAvailable();
    }

    /** Every component; DOWN (503) when any of them is. */
    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> all() {
        Map<String, Health> components = new LinkedHashMap<>();
        components.put("db", db.health());
        components.put("migrations", migrations.health());
        components.put("liveness", availability.liveness());
        components.put("readiness", availability.readiness());
        if (redis != null) {
            components.put("redis", redis.health());
        }
        return respond(HealthReport.composite(components));
    }

    /**
     * Redis (SPEC §7). Not part of readiness: while Redis is away the node keeps serving with in-memory rate
     * limits, so it must not be taken out of the load balancer. Without Redis configured: UP, "not configured".
     */
    @GetMapping("/health/redis")
    ResponseEntity<Map<String, Object>> redis() {
        Health health = redis != null ? redis.health() : Health.up().withDetail("configured", false).build();
        return respond(HealthReport.component(health));
    }

    /** The process is alive; deliberately independent of the database, so a DB outage doesn't get it restarted. */
    @GetMapping("/health/live")
    ResponseEntity<Map<String, Object>> live() {
        return respond(HealthReport.composite(Map.of("liveness", availability.liveness())));
    }

    /** Ready for traffic: started, the database answers and Liquibase has run. */
    @GetMapping("/health/ready")
    ResponseEntity<Map<String, Object>> ready() {
        Map<String, Health> components = new LinkedHashMap<>();
        components.put("readiness", availability.readiness());
        components.put("db", db.health());
        components.put("migrations", migrations.health());
        return respond(HealthReport.composite(components));
    }

    /** The database alone, with the measured round trip of {@code select 1}. */
    @GetMapping("/health/db")
    ResponseEntity<Map<String, Object>> database() {
        return respond(HealthReport.component(db.health()));
    }

    private static ResponseEntity<Map<String, Object>> respond(Map<String, Object> body) {
        // health must reflect now: no proxy or client may serve a cached answer
        return ResponseEntity.status(HealthReport.httpStatus(body)).cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
