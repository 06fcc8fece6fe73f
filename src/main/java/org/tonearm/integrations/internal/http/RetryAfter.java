package org.tonearm.integrations.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code Retry-After} (RFC 9110 §10.2.3): either a number of seconds or an HTTP-date. Spotify and ListenBrainz
 * send seconds; an HTTP-date is allowed by the RFC, so both are understood.
 */
final class RetryAfter {

    /** A 429 without a usable Retry-After still pauses the service briefly rather than hammering it again. */
    static final Duration WHEN_ABSENT = Duration.ofSeconds(1);

    private RetryAfter() {}

    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return WHEN_ABSENT;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLong) {
                return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L); // absurd: treated as "far beyond the bound"
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return WHEN_ABSENT;
        }
    }
}
