package org.tonearm.shared;

/**
 * 429 RATE_LIMIT_EXCEEDED with the number of seconds the client should wait: the native advice sends it as
 * {@code Retry-After} (RFC 9110 §10.2.3), compatibility advices in their own way.
 */
public class RateLimitedException extends TonearmException {

    private final long retryAfterSeconds;

    public RateLimitedException(String detail, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMIT_EXCEEDED, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
