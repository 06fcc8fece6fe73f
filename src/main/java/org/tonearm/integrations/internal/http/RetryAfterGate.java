package org.tonearm.integrations.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;

/**
 * Holds every call to one service back until the time its last 429 named. Resilience4j's RateLimiter keeps a steady
 * rate but cannot be told "nothing until 12:00:30", so this small gate sits in front of it. A wait longer than the
 * configured bound is not waited out: calls fail fast with RATE_LIMITED until the time has passed, so a caller
 * (a sync job, a request thread) is never parked for an hour.
 */
final class RetryAfterGate {

    private final ExternalService service;
    private final Duration maxWait;
    private final Clock clock;
    private volatile Instant blockedUntil = Instant.EPOCH;

    RetryAfterGate(ExternalService service, Duration maxWait, Clock clock) {
        this.service = service;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** The service said 429: no call before {@code now + wait}. Keeps the later of two overlapping blocks. */
    synchronized void block(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    /** Waits out a block within the bound; fails fast beyond it. */
    void await() {
        Duration remaining = Duration.between(clock.instant(), blockedUntil);
        if (remaining.isNegative() || remaining.isZero()) {
            return;
        }
        if (remaining.compareTo(maxWait) > 0) {
            throw tooLong(remaining, null);
        }
        try {
            Thread.sleep(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalServiceException(service, ExternalServiceException.Reason.RATE_LIMITED, 0, remaining,
                    "Interrupted while waiting for " + service.key() + "'s Retry-After", e);
        }
    }

    boolean withinBound(Duration wait) {
        return wait.compareTo(maxWait) <= 0;
    }

    ExternalServiceException tooLong(Duration wait, Throwable cause) {
        return new ExternalServiceException(service, ExternalServiceException.Reason.RATE_LIMITED, 429, wait,
                service.key() + " is rate limiting Tonearm and asked to wait " + wait.toSeconds()
                        + " s, longer than the " + maxWait.toSeconds() + " s Tonearm waits (tonearm.integrations.max-retry-after)",
                cause);
    }

    /** While a block holds: its end; otherwise null. */
    Instant blockedUntil() {
        Instant until = blockedUntil;
        return until.isAfter(clock.instant()) ? until : null;
    }
}
