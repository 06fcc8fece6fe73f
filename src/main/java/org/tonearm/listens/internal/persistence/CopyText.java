package org.tonearm.listens.internal.persistence;

/**
 * Builds the body of a PostgreSQL {@code COPY … FROM STDIN} in text format: columns separated by a tab, rows
 * by a newline, {@code \N} for null, and backslash, tab, newline and carriage return escaped
 * (PostgreSQL documentation, "COPY", section "Text Format").
 */
final class CopyText {

    private final StringBuilder out;
    private boolean rowStart = true;

    CopyText(int expectedRows) {
        out = new StringBuilder(expectedRows * 256);
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

    void endRow() {
        out.append('\n');
        rowStart = true;
    }

    byte[] bytes() {
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
