package org.tonearm.listens.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of single JSON fields, each recording a field error (by JSON path) instead of throwing, so one
 * request reports every bad field and one bad batch item does not fail the others. Absent and null are the
 * same: "not given".
 */
final class JsonFieldRules {

    static final char NUL = '\u0000';

    private JsonFieldRules() {}

    static boolean given(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** A string no longer than {@code max} without NUL characters, or null when not given or invalid. */
    static String text(JsonNode node, String path, int max, FieldErrors errors) {
        if (!given(node)) {
            return null;
        }
        if (!node.isString()) {
            errors.add(path, "must be a string");
            return null;
        }
        String value = node.stringValue();
        if (!noNul(value, path, errors) || !withinLength(value, max, path, errors)) {
            return null;
        }
        return value;
    }

    /** Like {@link #text} but must be present and not blank. */
    static String requiredText(JsonNode node, String path, int max, FieldErrors errors) {
        if (!given(node)) {
            errors.add(path, "is required");
            return null;
        }
        String value = text(node, path, max, errors);
        if (value != null && value.isBlank()) {
            errors.add(path, "must not be blank");
            return null;
        }
        return value;
    }

    /** An optional list of non-blank strings, each checked like {@link #text}; paths {@code path[i]}. */
    static List<String> textList(JsonNode node, String path, int max, FieldErrors errors) {
        if (!given(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(path, "must be an array of strings");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        int i = 0;
        for (JsonNode element : node.values()) {
            String value = requiredText(element, FieldErrors.index(path, i++), max, errors);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** An optional integer within [min, max], or null. */
    static Long integer(JsonNode node, String path, long min, long max, FieldErrors errors) {
        if (!given(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            errors.add(path, "must be an integer");
            return null;
        }
        long value = node.longValue();
        if (value < min || value > max) {
            errors.add(path, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    /** An optional JSON object whose keys and string values contain no NUL characters; null when not given. */
    static JsonNode object(JsonNode node, String path, FieldErrors errors) {
        if (!given(node)) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(path, "must be an object");
            return null;
        }
        return noNulInside(node, path, errors) ? node : null;
    }

    static boolean noNul(String value, String path, FieldErrors errors) {
        if (value.indexOf(NUL) >= 0) {
            errors.add(path, "must not contain NUL characters");
            return false;
        }
        return true;
    }

    /** Counts characters as code points, what a user calls characters. */
    static boolean withinLength(String value, int max, String path, FieldErrors errors) {
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(path, "must be at most " + max + " characters");
            return false;
        }
        return true;
    }

    private static boolean noNulInside(JsonNode node, String path, FieldErrors errors) {
        if (node.isString()) {
            return noNul(node.stringValue(), path, errors);
        }
        boolean ok = true;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = path + "." + e.getKey();
                ok &= noNul(e.getKey(), child, errors) && noNulInside(e.getValue(), child, errors);
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node.values()) {
                ok &= noNulInside(element, FieldErrors.index(path, i++), errors);
            }
        }
        return ok;
    }
}
