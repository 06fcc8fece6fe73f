package org.tonearm.integrations;

import java.time.Instant;

/**
 * What {@code /health/external} shows of one service (docs/api.md#health).
 *
 * @param state the circuit breaker's state: CLOSED, OPEN, HALF_OPEN (one trial call allowed), …
 * @param since when the breaker entered that state (application start for the first CLOSED)
 * @param trialAfter while OPEN: when the trial call will be let through; otherwise null
 * @param rateLimitedUntil while the service's 429 Retry-After holds calls back; otherwise null
 */
public record ExternalServiceStatus(ExternalService service, String state, Instant since, Instant trialAfter,
        Instant rateLimitedUntil, long successfulCalls, long failedCalls, long notPermittedCalls) {

    /** Calls are let through normally: the breaker is CLOSED. OPEN and HALF_OPEN count as down (degraded). */
    public boolean available() {
        return "CLOSED".equals(state);
    }
}
