package org.tonearm.imports.internal.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV header read as fields, not positions (docs/formats.md, "CSV read by its header"): each field of a format
 * has the column names the common exporters give it, matched trimmed, case-insensitively and without a byte
 * order mark, in any order. A field's names are listed by preference: when a header has two of them (Last.fm's
 * {@code uts} and {@code utc_time}), the first one listed that has a value in a row is read.
 */
final class CsvFields {

    /** A format's fields and the names each is accepted under, most preferred first; built once per format. */
    static final class Schema {
        private final Map<String, List<String>> names = new LinkedHashMap<>();

        Schema field(String field, String... columnNames) {
            names.put(field, List.of(columnNames));
            return this;
        }

        /** The header's columns for each field of this schema (fields the header lacks are absent). */
        CsvFields read(List<String> header) {
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                positions.putIfAbsent(key(header.get(i)), i);
            }
            Map<String, List<Column>> columns = new HashMap<>();
            names.forEach((field, accepted) -> {
                List<Column> found = new ArrayList<>();
                for (String name : accepted) {
                    Integer index = positions.get(key(name));
                    if (index != null) {
                        found.add(new Column(name, index));
                    }
                }
                if (!found.isEmpty()) {
                    columns.put(field, List.copyOf(found));
                }
            });
            return new CsvFields(columns);
        }

        /** "field (name|name)" for each of {@code fields}: what a user is told a header needs. */
        String describe(String... fields) {
            List<String> parts = new ArrayList<>();
            for (String field : fields) {
                parts.add(field + " (" + String.join("|", names.get(field)) + ")");
            }
            return String.join(", ", parts);
        }
    }

    /** A column of the header: the accepted name it matched and its position. */
    record Column(String name, int index) {}

    private final Map<String, List<Column>> columns;

    private CsvFields(Map<String, List<Column>> columns) {
        this.columns = columns;
    }

    static Schema schema() {
        return new Schema();
    }

    boolean has(String field) {
        return columns.containsKey(field);
    }

    /** The header's name for {@code field} (its most preferred column), null when the header lacks it. */
    String name(String field) {
        List<Column> found = columns.get(field);
        return found == null ? null : found.getFirst().name();
    }

    /** The first column of {@code field} (by preference) that has a non-blank value in {@code row}; null if none. */
    Column column(CsvRecord row, String field) {
        for (Column column : columns.getOrDefault(field, List.of())) {
            String value = row.get(column.index());
            if (value != null && !value.isBlank()) {
                return column;
            }
        }
        return null;
    }

    /** The value of {@code field} in {@code row} from its most preferred column that has one; null if none. */
    String get(CsvRecord row, String field) {
        Column column = column(row, field);
        return column == null ? null : row.get(column.index());
    }

    static String key(String name) {
        String stripped = name.strip();
        if (stripped.startsWith("\uFEFF")) {
            stripped = stripped.substring(1).strip();
        }
        if (stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")) {
            stripped = stripped.substring(1, stripped.length() - 1).strip();
        }
        return stripped.toLowerCase(Locale.ROOT);
    }
}
