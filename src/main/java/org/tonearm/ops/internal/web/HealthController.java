package org.tonearm.ops.internal.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.integrations.ExternalServices;
import org.tonearm.ops.internal.health.AvailabilityHealth;
import org.tonearm.ops.internal.health.BoundedCheck;
import org.tonearm.ops.internal.health.ExternalHealth;
import org.tonearm.ops.internal.health.HealthProperties;
import org.tonearm.ops.internal.health.HealthReport;

/**
 * The public health endpoints (docs/api.md#health), unauthenticated so load balancers and orchestrators can
 * call them. The same indicators also appear under {@code /actuator/health}.
 */
@RestController
class HealthController {

    /** Health polls wait here, never on a request's thread pool: one virtual thread per check. */
    private static final ExecutorService CHECKS = Executors.newVirtualThreadPerTaskExecutor();

    private final HealthIndicator db;
    private final HealthIndicator migrations;
    private final AvailabilityHealth availability;
    /** Present only when {@code TONEARM_REDIS_URL} is set (identity's rate limiter registers it). */
    private final HealthIndicator redis;
    /** Circuit breakers of the external services (integrations' façade); absent in slices without integrations. */
    private final ExternalServices external;

    /**
     * Each dependency's check is bounded (issue #16: every health path answers within 5 s whatever the database or
     * Redis does) and reports the time of its last success while DOWN.
     */
    HealthController(@Qualifier("dbHealthIndicator") HealthIndicator db,
            @Qualifier("migrationsHealthIndicator") HealthIndicator migrations, AvailabilityHealth availability,
            @Qualifier("redisHealthIndicator") ObjectProvider<HealthIndicator> redis, HealthProperties properties,
            ObjectProvider<ExternalServices> external) {
        Clock clock = Clock.systemUTC();
        this.db = new BoundedCheck(db, properties.timeout(), clock);
        this.migrations = new BoundedCheck(migrations, properties.timeout(), clock);
        this.availability = availability;
        HealthIndicator r = redis.getIfAvailable();
        this.redis = r == null ? null : new BoundedCheck(r, properties.timeout(), clock);
        this.external = external.getIfAvailable(() -> List::of);
    }

    /** Every component; DOWN (503) when any of them is. */
    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> all() {
        Map<String, HealthIndicator> checks = new LinkedHashMap<>();
        checks.put("db", db);
        checks.put("migrations", migrations);
        checks.put("liveness", availability::liveness);
        checks.put("readiness", availability::readiness);
        if (redis != null) {
            checks.put("redis", redis);
        }
        // always UP: Spotify being down must not take Tonearm out of a load balancer; it names what is degraded
        checks.put("external", () -> ExternalHealth.summary(external.statuses()));
        return respond(HealthReport.composite(sideBySide(checks)));
    }

    /**
     * One component per external service (docs/api.md#health): DOWN while its circuit breaker is not CLOSED, with
     * since-when and, while OPEN, when the trial call comes; 503 when any is DOWN. Reads in-memory state only.
     */
    @GetMapping("/health/external")
    ResponseEntity<Map<String, Object>> external() {
        return respond(HealthReport.composite(ExternalHealth.perService(external.statuses())));
    }

    /**
     * Redis (docs/api.md#health). Not part of readiness: while Redis is away the node keeps serving with in-memory rate
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
        Map<String, HealthIndicator> checks = new LinkedHashMap<>();
        checks.put("readiness", availability::readiness);
        checks.put("db", db);
        checks.put("migrations", migrations);
        return respond(HealthReport.composite(sideBySide(checks)));
    }

    /** The database alone, with the measured round trip of {@code select 1}. */
    @GetMapping("/health/db")
    ResponseEntity<Map<String, Object>> database() {
        return respond(HealthReport.component(db.health()));
    }

    /** Runs the checks at once, so the slowest one bounds the answer, not their sum. Keeps the order. */
    private static Map<String, Health> sideBySide(Map<String, HealthIndicator> checks) {
        Map<String, Future<Health>> running = new LinkedHashMap<>();
        checks.forEach((name, check) -> running.put(name, CHECKS.submit((Callable<Health>) check::health)));
        Map<String, Health> results = new LinkedHashMap<>();
        running.forEach((name, future) -> results.put(name, result(future)));
        return results;
    }

    private static Health result(Future<Health> future) {
        try {
            return future.get(); // bounded: every dependency check is a BoundedCheck
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", e.getCause().getClass().getSimpleName()).build();
        }
    }

    private static ResponseEntity<Map<String, Object>> respond(Map<String, Object> body) {
        // health must reflect now: no proxy or client may serve a cached answer
        return ResponseEntity.status(HealthReport.httpStatus(body)).cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
