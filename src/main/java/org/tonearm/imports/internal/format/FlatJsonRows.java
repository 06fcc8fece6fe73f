package org.tonearm.imports.internal.format;

import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the object rows of a JSON array in ONE pass over their tokens, giving both what
 * {@link JsonParser#readValueAsTree()} and the tree's {@code toString()} would (the row as a tree for the mapping,
 * its compact text as the listen's {@code raw}) at about the cost of the first alone: the tokens are copied to a
 * reused generator while the tree's values are created directly, with no data-binding context per row.
 *
 * <p>That is exact for flat rows — string, integer, boolean and null values under distinct names, e.g. every
 * Spotify play. Any other row (a nested object or array, a fractional or very large number, a repeated name) is
 * copied exactly and then read again from that copy as a tree the ordinary way, so the result is always the same
 * as before ({@code FlatJsonRowsProperties}).
 */
final class FlatJsonRows {

    /** One row: its tree and its compact text. */
    record Row(JsonNode node, String raw) {}

    /** Root values one after another with nothing between them: each row's text is cut out after its end. */
    private static final JsonFactory COMPACT = JsonFactory.builder().rootValueSeparator((String) null).build();
    private static final JsonNodeFactory NODES = JsonFiles.MAPPER.getNodeFactory();

    private final JsonParser parser;
    private final StringWriter text = new StringWriter(1024);
    private final JsonGenerator generator = COMPACT.createGenerator(ObjectWriteContext.empty(), text);

    FlatJsonRows(JsonParser parser) {
        this.parser = parser;
    }

    /** The row starting at the parser's current token (any value; objects take the one-pass path). */
    Row read() {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            JsonNode node = parser.readValueAsTree();
            return new Row(node, node.toString());
        }
        ObjectNode row = NODES.objectNode();
        boolean flat = true;
        generator.writeStartObject();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            generator.writeName(name);
            JsonNode value = copyValue(parser.nextToken());
            if (value == null || row.putIfAbsent(name, value) != null) {
                flat = false;
            }
        }
        endOf(JsonToken.END_OBJECT);
        generator.writeEndObject();
        generator.flush();
        String compact = text.toString();
        text.getBuffer().setLength(0);
        if (flat) {
            return new Row(row, compact);
        }
        JsonNode node = JsonFiles.MAPPER.readTree(compact);
        return new Row(node, node.toString());
    }

    /** Writes the current value; returns its node when it is a plain scalar, else null (the row is not flat). */
    private JsonNode copyValue(JsonToken token) {
        if (token == null) {
            throw endedInsideARow();
        }
        switch (token) {
            case VALUE_STRING -> {
                String value = parser.getString();
                generator.writeString(value);
                return NODES.stringNode(value);
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> {
                        int value = parser.getIntValue();
                        generator.writeNumber(value);
                        yield NODES.numberNode(value);
                    }
                    case LONG -> {
                        long value = parser.getLongValue();
                        generator.writeNumber(value);
                        yield NODES.numberNode(value);
                    }
                    default -> {
                        generator.writeNumber(parser.getText()); // beyond a long: its digits as they are
                        yield null;
                    }
                };
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                boolean value = token == JsonToken.VALUE_TRUE;
                generator.writeBoolean(value);
                return NODES.booleanNode(value);
            }
            case VALUE_NULL -> {
                generator.writeNull();
                return NODES.nullNode();
            }
            default -> {
                copyExactly(token);
                return null;
            }
        }
    }

    /**
     * Copies a value so that reading the copy gives the same tree: numbers with a fraction or exponent keep their
     * text (Jackson's own exact copy goes through BigDecimal, which has no -0.0), the rest as {@link #copyValue}.
     */
    private void copyExactly(JsonToken token) {
        if (token == null) {
            throw endedInsideARow();
        }
        switch (token) {
            case START_OBJECT -> {
                generator.writeStartObject();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    generator.writeName(parser.currentName());
                    copyExactly(parser.nextToken());
                }
                endOf(JsonToken.END_OBJECT);
                generator.writeEndObject();
            }
            case START_ARRAY -> {
                generator.writeStartArray();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY && item != null;
                        item = parser.nextToken()) {
                    copyExactly(item);
                }
                endOf(JsonToken.END_ARRAY);
                generator.writeEndArray();
            }
            case VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getText());
            default -> copyValue(token);
        }
    }

    /** The parser reports a file ending inside a row itself; these only guard that assumption. */
    private void endOf(JsonToken end) {
        if (parser.currentToken() != end) {
            throw endedInsideARow();
        }
    }

    private StreamReadException endedInsideARow() {
        return new StreamReadException(parser, "the file ends inside a row");
    }
}
