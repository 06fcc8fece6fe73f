package org.tonearm.imports.internal.format;

import java.time.Clock;

/**
 * The native API's limits applied to every imported row (docs/api.md#imports-and-exports listen-in; the same numbers as the listens
 * module's internal {@code ListenSubmissionValidator}, which other modules cannot use): a row breaking one is
 * {@code failed} with a reason naming the field, never truncated or clamped silently. Lengths count code points.
 * <ul>
 *   <li>names (artist, track, album): ≤ 512 characters — the catalog's VARCHAR(512) columns — and no NUL;</li>
 *   <li>{@code listened_at}: from 1970-01-01 to one hour after now (clock skew of the exporting device);</li>
 *   <li>durations: 0 to 24 days (nothing longer is a single play).</li>
 * </ul>
 */
public final class ImportRowRules {

    public static final int MAX_NAME_LENGTH = 512;
    public static final long MAX_FUTURE_MS = 3_600_000L;
    public static final long MAX_DURATION_MS = 24L * 24 * 3_600_000L;
    /** The listens table's {@code client} and {@code external_id} columns (VARCHAR(100), VARCHAR(200)). */
    public static final int MAX_CLIENT_LENGTH = 100;
    public static final int MAX_EXTERNAL_ID_LENGTH = 200;

    private final Clock clock;

    public ImportRowRules(Clock clock) {
        this.clock = clock;
    }

    public static ImportRowRules systemClock() {
        return new ImportRowRules(Clock.systemUTC());
    }

    /** A required name: trimmed, non-blank. */
    public String requiredName(String field, String value) {
        String name = optionalName(field, value);
        if (name == null) {
            throw new RowRejected(field + " is missing");
        }
        return name;
    }

    /** An optional name: trimmed, null when blank. */
    public String optionalName(String field, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.indexOf('\0') >= 0) {
            throw new RowRejected(field + " contains a NUL character");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            throw new RowRejected(field + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    /** Optional short text stored in a bounded column: trimmed, null when blank. */
    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.indexOf('\0') >= 0) {
            throw new RowRejected(field + " contains a NUL character");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new RowRejected(field + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    public long listenedAt(String field, long epochMs) {
        if (epochMs < 0) {
            throw new RowRejected(field + " is before 1970");
        }
        if (epochMs > clock.millis() + MAX_FUTURE_MS) {
            throw new RowRejected(field + " is in the future");
        }
        return epochMs;
    }

    /** A duration in ms, null when unknown. */
    public Long duration(String field, Long ms) {
        if (ms == null) {
            return null;
        }
        if (ms < 0) {
            throw new RowRejected(field + " is negative");
        }
        if (ms > MAX_DURATION_MS) {
            throw new RowRejected(field + " is longer than 24 days");
        }
        return ms;
    }
}
