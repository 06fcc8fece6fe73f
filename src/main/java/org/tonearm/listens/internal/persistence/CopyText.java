package org.tonearm.listens.internal.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Streams the body of a PostgreSQL {@code COPY … FROM STDIN} in text format: columns separated by a tab, rows
 * by a newline, {@code \N} for null, and backslash, tab, newline and carriage return escaped
 * (PostgreSQL documentation, "COPY", section "Text Format").
 *
 * <p>Rows go to the sink in pieces of about {@code chunkChars} characters, never as one body: a 5,000-row import
 * batch with its raw JSON is several megabytes, and building it whole (a growing buffer, its string, its bytes)
 * allocated objects larger than half a G1 region of a 256 MB heap — 400+ collections and full GCs per 1,000,000-row
 * import (docs/performance.md).
 */
final class CopyText {

    /** Where the encoded bytes go, a piece at a time ({@code CopyIn.writeToCopy} in production). */
    @FunctionalInterface
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws SQLException;
    }

    private final Sink sink;
    private final int chunkChars;
    private final StringBuilder out;
    private boolean rowStart = true;

    CopyText(Sink sink, int chunkChars) {
        this.sink = sink;
        this.chunkChars = chunkChars;
        this.out = new StringBuilder(chunkChars + 1024);
    }

    CopyText value(Object value) {
        separate();
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            escape(s);
        } else {
            out.append(value); // numbers: their toString is valid PostgreSQL input
        }
        return this;
    }

    void endRow() throws SQLException {
        out.append('\n');
        rowStart = true;
        if (out.length() >= chunkChars) {
            flush();
        }
    }

    /** Sends what is buffered; call once after the last row. */
    void flush() throws SQLException {
        if (out.isEmpty()) {
            return;
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        sink.write(bytes, 0, bytes.length);
    }

    private void separate() {
        if (!rowStart) {
            out.append('\t');
        }
        rowStart = false;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
