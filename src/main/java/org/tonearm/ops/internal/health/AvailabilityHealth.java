package org.tonearm.ops.internal.health;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.health.application.LivenessStateHealthIndicator;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Liveness and readiness as Spring Boot tracks them ({@link ApplicationAvailability}, the state behind
 * Actuator's Kubernetes probes), plus one rule of ours: once shutdown starts the process no longer
 * reports itself live, so an orchestrator stops routing to it instead of waiting for it.
 */
@Component
public class AvailabilityHealth {

    private final LivenessStateHealthIndicator liveness;
    private final ReadinessStateHealthIndicator readiness;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    AvailabilityHealth(ApplicationAvailability availability) {
        this.liveness = new LivenessStateHealthIndicator(availability);
        this.readiness = new ReadinessStateHealthIndicator(availability);
    }

    /** UP while the application runs (LivenessState.CORRECT) and is not shutting down. */
    public Health liveness() {
        return shuttingDown.get() ? Health.down().withDetail("reason", "shutting down").build() : liveness.health();
    }

    /** UP once the application has started and accepts traffic (ReadinessState.ACCEPTING_TRAFFIC). */
    public Health readiness() {
        return readiness.health();
    }

    @EventListener
    void onShutdown(ContextClosedEvent event) {
        shuttingDown.set(true);
    }
}
