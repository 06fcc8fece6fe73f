package org.tonearm.ops.internal.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.tonearm.integrations.ExternalServiceStatus;

/**
 * External services in the health JSON (docs/api.md#health, docs/operations.md#external-services). A service whose
 * breaker is OPEN or HALF_OPEN is DOWN on {@code /health/external}; on {@code /health} the "external" component stays
 * UP and only lists them as degraded, because Tonearm keeps serving (sync catches up once the service recovers).
 */
public final class ExternalHealth {

    private ExternalHealth() {}

    public static Map<String, Health> perService(List<ExternalServiceStatus> statuses) {
        Map<String, Health> components = new LinkedHashMap<>();
        for (ExternalServiceStatus s : statuses) {
            Health.Builder h = s.available() ? Health.up() : Health.down();
            h.withDetail("state", s.state()).withDetail("since", s.since().toString());
            if (s.trialAfter() != null) {
                h.withDetail("trial_after", s.trialAfter().toString());
            }
            if (s.rateLimitedUntil() != null) {
                h.withDetail("rate_limited_until", s.rateLimitedUntil().toString());
            }
            h.withDetail("successful_calls", s.successfulCalls()).withDetail("failed_calls", s.failedCalls())
                    .withDetail("not_permitted_calls", s.notPermittedCalls());
            components.put(s.service().key(), h.build());
        }
        return components;
    }

    public static Health summary(List<ExternalServiceStatus> statuses) {
        List<String> degraded = statuses.stream().filter(s -> !s.available()).map(s -> s.service().key()).toList();
        return Health.up().withDetail("degraded", degraded).build();
    }
}
