package org.tonearm.ops.internal.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A health check that answers within {@code timeout} whatever its dependency does (issue #16): the check runs on
 * a virtual thread and the caller waits at most {@code timeout}, then reports DOWN "no answer within …". A check
 * still running is joined, not started again, so a hung database gets one probe at a time, not one per poll of
 * every load balancer. DOWN carries {@code last_success}, the time the check last came back UP (null: never), so
 * an operator sees how long the outage has lasted; the next UP needs nothing but the dependency's return.
 */
public final class BoundedCheck implements HealthIndicator {

    private final HealthIndicator check;
    private final Duration timeout;
    private final Clock clock;
    private volatile Instant lastSuccess;
    private CompletableFuture<Health> running;

    public BoundedCheck(HealthIndicator check, Duration timeout, Clock clock) {
        this.check = check;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Health health;
        try {
            health = start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            health = Health.down().withDetail("reason", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            health = Health.down().withDetail("reason", "check failed").withDetail("error",
                    e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health = Health.down().withDetail("reason", "interrupted").build();
        }
        if (Status.UP.equals(health.getStatus())) {
            lastSuccess = clock.instant();
            return health;
        }
        Map<String, Object> details = new LinkedHashMap<>(health.getDetails());
        Instant last = lastSuccess;
        details.put("last_success", last == null ? null : last.toString());
        return Health.status(health.getStatus()).withDetails(details).build();
    }

    private synchronized CompletableFuture<Health> start() {
        if (running == null || running.isDone()) {
            CompletableFuture<Health> next = new CompletableFuture<>();
            Thread.ofVirtual().name("health-check").start(() -> {
                try {
                    next.complete(check.health());
                } catch (Throwable t) {
                    next.completeExceptionally(t);
                }
            });
            running = next;
        }
        return running;
    }
}
