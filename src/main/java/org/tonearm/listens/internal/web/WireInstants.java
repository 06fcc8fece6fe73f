package org.tonearm.listens.internal.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Instants on the way in (docs/api.md#conventions): an ISO-8601 string with an offset ({@code 2024-05-01T12:00:00.000Z},
 * {@code 2024-05-01T14:00:00+02:00}) or an integer of epoch seconds. Returns epoch milliseconds; empty when
 * the value has neither form. Range checks are the validator's.
 */
final class WireInstants {

    /** Epoch seconds beyond this cannot become epoch millis without overflow (and are nonsense anyway). */
    private static final long MAX_ABS_SECONDS = Long.MAX_VALUE / 1000;

    private WireInstants() {}

    static OptionalLong parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return OptionalLong.empty();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? fromSeconds(node.longValue()) : OptionalLong.empty();
        }
        if (node.isString()) {
            return parse(node.stringValue());
        }
        return OptionalLong.empty();
    }

    /** A query parameter: epoch seconds when all digits (optionally signed), else ISO-8601. */
    static OptionalLong parse(String text) {
        if (text == null || text.isBlank()) {
            return OptionalLong.empty();
        }
        String s = text.strip();
        if (s.matches("-?\\d{1,18}")) {
            return fromSeconds(Long.parseLong(s));
        }
        try {
            return OptionalLong.of(Instant.parse(s).toEpochMilli());
        } catch (DateTimeParseException | ArithmeticException e) {
            try {
                return OptionalLong.of(OffsetDateTime.parse(s).toInstant().toEpochMilli());
            } catch (DateTimeParseException | ArithmeticException e2) {
                return OptionalLong.empty();
            }
        }
    }

    private static OptionalLong fromSeconds(long seconds) {
        return Math.abs(seconds) > MAX_ABS_SECONDS ? OptionalLong.empty() : OptionalLong.of(seconds * 1000);
    }
}
