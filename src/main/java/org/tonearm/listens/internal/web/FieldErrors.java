package org.tonearm.listens.internal.web;

import java.util.ArrayList;
import java.util.List;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;

/** Collects the invalid fields of one request or batch item, named by JSON path ({@code listens[3].artist}). */
final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    boolean hasPath(String prefix) {
        return errors.stream().anyMatch(e -> e.field().startsWith(prefix));
    }

    List<FieldError> list() {
        return List.copyOf(errors);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors);
        }
    }

    /** {@code prefix.field}, or just {@code field} at the top level. */
    static String path(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
