package org.tonearm.imports.internal.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Timestamp parsing for imports; an unreadable value rejects the row naming the field. */
final class Times {

    private Times() {}

    /** ISO-8601 with offset or Z; without a zone it is taken as UTC. */
    static long iso(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new RowRejected(field + " is missing");
        }
        String text = value.strip();
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException notLocal) {
                    throw new RowRejected(field + " is not an ISO-8601 timestamp: " + abbreviate(text));
                }
            }
        }
    }

    /** Local date-time text in {@code pattern}, taken as UTC (e.g. Spotify "2023-01-31 13:45"). */
    static long pattern(String field, String value, DateTimeFormatter pattern) {
        if (value == null || value.isBlank()) {
            throw new RowRejected(field + " is missing");
        }
        try {
            return LocalDateTime.parse(value.strip(), pattern).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new RowRejected(field + " is not a valid date: " + abbreviate(value));
        }
    }

    /** Epoch seconds as text; rejects non-numbers and values that overflow milliseconds. */
    static long epochSeconds(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new RowRejected(field + " is missing");
        }
        try {
            return secondsToMillis(field, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new RowRejected(field + " is not a number of seconds: " + abbreviate(value));
        }
    }

    static long secondsToMillis(String field, long seconds) {
        try {
            return Math.multiplyExact(seconds, 1000L);
        } catch (ArithmeticException e) {
            throw new RowRejected(field + " is out of range");
        }
    }

    static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
