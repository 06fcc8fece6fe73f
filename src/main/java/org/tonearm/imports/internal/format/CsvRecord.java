package org.tonearm.imports.internal.format;

import java.util.List;

/**
 * One CSV record.
 *
 * @param lineNumber the file line it starts on (from 1), used as the row number
 * @param fields     the unquoted field values
 * @param raw        the record's text as in the file (kept with the listen and in error reports)
 * @param complete   false when the file ended inside a quoted field
 */
record CsvRecord(long lineNumber, List<String> fields, String raw, boolean complete) {

    /** The field at {@code index}, or null when the record is shorter or the field is empty. */
    String get(int index) {
        if (index < 0 || index >= fields.size()) {
            return null;
        }
        String value = fields.get(index);
        return value.isEmpty() ? null : value;
    }

    boolean isBlank() {
        return fields.size() == 1 && fields.getFirst().isBlank();
    }
}
