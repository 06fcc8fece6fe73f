package org.tonearm.shared.internal.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.tonearm.shared.TonearmException.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a JSON body that cannot be bound into docs/api.md#accounts-and-authentication field errors: which field (as a JSON path such as
 * {@code scopes} or {@code listens[3].artist}) and what it should have been. Jackson reports the path of the value
 * it could not bind; a body that is not even JSON, or no object at all, is an error of {@code body}.
 */
final class UnreadableBody {

    private UnreadableBody() {}

    static List<FieldError> errors(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch) {
            String path = path(mismatch.getPath());
            if (path.isEmpty()) {
                return List.of(new FieldError("body", "must be a JSON object"));
            }
            return List.of(new FieldError(path, expected(mismatch.getTargetType())));
        }
        if (cause instanceof JacksonException) {
            return List.of(new FieldError("body", "malformed JSON"));
        }
        // Spring found no body at all (or the JSON literal null) where one is required
        return List.of(new FieldError("body", "a JSON object is required"));
    }

    static String detail(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return first.field().equals("body") ? "The request body is not valid: " + first.message()
                : first.field() + ": " + first.message();
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "must be a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
