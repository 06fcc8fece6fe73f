package org.tonearm.compat.listenbrainz;

import java.math.BigInteger;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * ListenBrainz converts numeric fields with Python's {@code int(value)} (api_tools.py validate_listened_at,
 * validate_duration_field), so it accepts more than JSON integers: floats are truncated toward zero, strings of
 * digits with surrounding whitespace are parsed, and {@code true}/{@code false} are 1/0. Everything else
 * (null, other strings, lists, objects) is rejected. Returns null for a rejected value.
 */
final class PythonInts {

    /** int(str): optional whitespace and sign, ASCII digits, single underscores between digits. */
    private static final Pattern INT_STRING = Pattern.compile("\\s*[+-]?\\d+(_\\d+)*\\s*");

    private PythonInts() {}

    static BigInteger of(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isFloatingPointNumber()) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return value.decimalValue().toBigInteger();
        }
        if (value.isString()) {
            String s = value.stringValue();
            if (!INT_STRING.matcher(s).matches()) {
                return null;
            }
            return new BigInteger(s.strip().replace("_", "").replace("+", ""));
        }
        return null;
    }

    /** A value clamped into long range (bounds checks against it stay correct for huge inputs). */
    static long clamp(BigInteger value) {
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
}
