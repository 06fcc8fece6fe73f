package org.tonearm.imports.internal.format;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Lenient reads of JSON row values: exports mix strings, numbers and nulls for the same field. */
final class Json {

    private Json() {}

    /** A string or number as text; null for missing, null, empty, objects and arrays. */
    static String text(JsonNode node, String name) {
        return text(node == null ? null : node.get(name));
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        if (value.isString()) {
            String text = value.stringValue();
            return text.isEmpty() ? null : text;
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        return null;
    }

    /** A whole number given as number or numeric string; null when missing; rejects the row when not a number. */
    static Long whole(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            if (!value.canConvertToLong()) {
                throw new RowRejected(name + " is out of range");
            }
            return value.isIntegralNumber() ? value.longValue() : Math.round(value.doubleValue());
        }
        if (value.isString()) {
            String text = value.stringValue().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new RowRejected(name + " is not a whole number: " + Times.abbreviate(text));
            }
        }
        throw new RowRejected(name + " is not a number");
    }

    static boolean isTrue(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(text(value)));
    }

    /** Strings of an array (or a single string) at {@code name}; empty when absent. */
    static List<String> texts(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                String text = text(item);
                if (text != null) {
                    out.add(text);
                }
            }
        } else {
            String text = text(value);
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    static JsonNode object(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isObject() ? value : null;
    }
}
