package org.tonearm.identity;

/**
 * The outcome of taking one token: {@code limit} is the bucket's capacity, {@code remaining} what is left,
 * {@code resetEpochSeconds} when the bucket will be full again, {@code retryAfterSeconds} how long a refused
 * client waits for its next token (0 when allowed).
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetEpochSeconds,
        long retryAfterSeconds) {}
