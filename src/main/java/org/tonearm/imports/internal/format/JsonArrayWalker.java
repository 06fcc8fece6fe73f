package org.tonearm.imports.internal.format;

import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportSink;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Walks a JSON token stream to the arrays of rows, reading each row as a small tree. Row numbers count the
 * rows from 1 across every array walked (e.g. across the pages of a Last.fm file).
 */
final class JsonArrayWalker {

    interface RowHandler {
        void row(long rowNumber, JsonNode row);
    }

    /** A row with its compact text, read in one pass ({@link FlatJsonRows}). */
    interface TextRowHandler {
        void row(long rowNumber, JsonNode row, String raw);
    }

    private final JsonParser parser;
    private final ImportSink sink;
    private long rowNumber;

    JsonArrayWalker(JsonParser parser, ImportSink sink) {
        this.parser = parser;
        this.sink = sink;
    }

    /** On START_ARRAY: hands each element to {@code handler}; false when the job was cancelled. */
    boolean elements(RowHandler handler) throws ImportFileException {
        while (atNextElement()) {
            if (sink.cancelled()) {
                return false;
            }
            JsonNode row = parser.readValueAsTree();
            handler.row(++rowNumber, row);
        }
        return true;
    }

    /**
     * On START_ARRAY: like {@link #elements} for arrays of flat objects (e.g. Spotify plays), each row handed over
     * with its compact text, both from one pass over its tokens; false when the job was cancelled.
     */
    boolean rowsWithText(TextRowHandler handler) throws ImportFileException {
        FlatJsonRows rows = new FlatJsonRows(parser);
        while (atNextElement()) {
            if (sink.cancelled()) {
                return false;
            }
            FlatJsonRows.Row row = rows.read();
            handler.row(++rowNumber, row.node(), row.raw());
        }
        return true;
    }

    /** Moves to the next element of the current array: false at its end; a file that stops first is refused. */
    private boolean atNextElement() throws ImportFileException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new ImportFileException("the file ends inside an array (truncated?)");
        }
        return token != JsonToken.END_ARRAY;
    }

    /**
     * On START_OBJECT: finds property {@code name} and calls {@code inner} on its value, skipping every other
     * property. Returns whether the property was there (and not cancelled).
     */
    boolean property(String name, Inner inner) throws ImportFileException {
        expect(JsonToken.START_OBJECT, "an object");
        boolean found = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String property = parser.currentName();
            parser.nextToken();
            if (!found && name.equals(property)) {
                found = true;
                if (!inner.walk()) {
                    return false;
                }
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    interface Inner {
        boolean walk() throws ImportFileException;
    }

    void expect(JsonToken token, String what) throws ImportFileException {
        if (parser.currentToken() != token) {
            throw new ImportFileException("expected " + what + " but found " + parser.currentToken()
                    + " at line " + parser.currentLocation().getLineNr());
        }
    }

    JsonToken current() {
        return parser.currentToken();
    }

    JsonToken next() {
        return parser.nextToken();
    }

    /** Reads the current value as a tree (one row of a non-array position). */
    JsonNode tree() {
        return parser.readValueAsTree();
    }

    long nextRowNumber() {
        return ++rowNumber;
    }
}
