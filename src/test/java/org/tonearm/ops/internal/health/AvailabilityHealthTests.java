package org.tonearm.ops.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

class AvailabilityHealthTests {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final AvailabilityHealth health = new AvailabilityHealth(availability);

    private void publish(AvailabilityState state) {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, state));
    }

    @Test
    void liveWhileRunningAndNoLongerLiveOnceShutdownStarts() {
        publish(LivenessState.CORRECT);
        assertThat(HealthReport.status(health.liveness())).isEqualTo("UP");

        health.onShutdown(new ContextClosedEvent(new GenericApplicationContext()));

        assertThat(HealthReport.status(health.liveness())).isEqualTo("DOWN");
    }

    @Test
    void aBrokenApplicationIsNotLive() {
        publish(LivenessState.BROKEN);

        assertThat(HealthReport.status(health.liveness())).isEqualTo("DOWN");
    }

    @Test
    void readyOnlyWhileAcceptingTraffic() {
        publish(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(HealthReport.status(health.readiness())).isEqualTo("UP");

        publish(ReadinessState.REFUSING_TRAFFIC);

        assertThat(HealthReport.status(health.readiness())).isEqualTo("DOWN");
    }
}
