package org.tonearm.imports.internal.format;

/** Number parsing for import fields; a bad value rejects the row naming the field. */
final class Numbers {

    private Numbers() {}

    /** A whole number (a trailing ".0", as spreadsheets write, is accepted); null when blank. */
    static Long wholeOrNull(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.endsWith(".0")) {
            text = text.substring(0, text.length() - 2);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RowRejected(field + " is not a whole number: " + Times.abbreviate(value));
        }
    }

    static Long secondsToMillisOrNull(String field, Long seconds) {
        return seconds == null ? null : Times.secondsToMillis(field, seconds);
    }
}
