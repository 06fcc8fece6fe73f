package org.tonearm.imports.internal.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
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
        long fast = utcSecondsMillis(text);
        return fast != NOT_UTC_SECONDS ? fast : isoGeneral(field, text);
    }

    /** {@link #iso} without the fast path: any ISO-8601 shape, {@code text} already stripped. */
    static long isoGeneral(String field, String text) {
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

    static final long NOT_UTC_SECONDS = Long.MIN_VALUE;

    /**
     * The one shape most exports write ({@code 2023-01-31T13:45:12Z}, Spotify's {@code ts}) read digit by digit, a
     * small fraction of {@link Instant#parse}'s cost on a million-row import. Only plain valid values are taken here
     * (ASCII digits, month 1–12, a day the month has, 00:00:00–23:59:59); anything else — other shapes, lower-case
     * letters, 24:00, leap seconds, invalid dates — is {@link #NOT_UTC_SECONDS} and goes to the general parsers,
     * which decide as before.
     */
    static long utcSecondsMillis(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return NOT_UTC_SECONDS;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_UTC_SECONDS;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return (epochDay * 86_400 + hour * 3_600 + minute * 60 + second) * 1_000;
    }

    /** The ASCII digits {@code t[from, from + count)} as a number; -1 when one is not a digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
