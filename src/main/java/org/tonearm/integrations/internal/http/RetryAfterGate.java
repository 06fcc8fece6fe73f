package org.tonearm.integrations.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
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

    /**
     * A successful answer that says the service's rate-limit window is used up ({@code X-RateLimit-Remaining: 0}) and
     * when it resets ({@code X-RateLimit-Reset-In} seconds) holds the next call back until then, instead of spending
     * it on a 429. ListenBrainz sends these headers on every answer and asks clients to pace themselves by them
     * (https://listenbrainz.readthedocs.io/en/latest/users/api/index.html#rate-limiting). Services without them
     * (or with only an epoch {@code X-RateLimit-Reset}, like MusicBrainz, paced by its own rate limiter) are unaffected.
     */
    void windowSpent(HttpHeaders headers) {
        Long remaining = seconds(headers.getFirst("X-RateLimit-Remaining"));
        Long resetIn = seconds(headers.getFirst("X-RateLimit-Reset-In"));
        if (remaining != null && remaining == 0 && resetIn != null && resetIn > 0) {
            block(Duration.ofSeconds(resetIn));
        }
    }

    private static Long seconds(String header) {
        if (header == null || header.isBlank() || !header.strip().chars().allMatch(Character::isDigit)
                || header.strip().length() > 9) {
            return null;
        }
        return Long.parseLong(header.strip());
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
