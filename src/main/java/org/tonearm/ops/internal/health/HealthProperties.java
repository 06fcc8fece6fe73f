package org.tonearm.ops.internal.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.health.*}: {@code timeout} ({@code TONEARM_HEALTH_TIMEOUT}, default 2 s) is the longest one
 * component's check may take before it is reported DOWN; /health runs its checks side by side, so every health
 * path answers within it plus a little (issue #16: within 5 s whatever the database or Redis does).
 */
@ConfigurationProperties("tonearm.health")
public record HealthProperties(Duration timeout) {

    public HealthProperties {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            timeout = Duration.ofSeconds(2);
        }
    }
}
