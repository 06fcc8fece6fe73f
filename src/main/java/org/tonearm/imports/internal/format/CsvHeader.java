package org.tonearm.imports.internal.format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column positions by name (trimmed, case-insensitive): column sets differ between export years. */
final class CsvHeader {

    private final Map<String, Integer> positions = new HashMap<>();

    CsvHeader(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            positions.putIfAbsent(key(names.get(i)), i);
        }
    }

    boolean has(String name) {
        return positions.containsKey(key(name));
    }

    /** The value of column {@code name} in {@code record}, null when the column or the value is missing. */
    String get(CsvRecord record, String name) {
        Integer index = positions.get(key(name));
        return index == null ? null : record.get(index);
    }

    /** The first of {@code names} that has a value. */
    String first(CsvRecord record, String... names) {
        for (String name : names) {
            String value = get(record, name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
