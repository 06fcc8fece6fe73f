package org.tonearm.shared;

import java.util.List;

/**
 * The domain exception family. Domain code throws these; one advice renders them as problem+json
 * (docs/api.md#accounts-and-authentication), and each compatibility protocol has its own advice rendering them in its own format.
 */
public class TonearmException extends RuntimeException {

    private final ErrorCode code;
    private final int status;
    private final transient List<FieldError> fieldErrors;

    public TonearmException(ErrorCode code, String detail) {
        this(code, code.status(), detail, List.of());
    }

    public TonearmException(ErrorCode code, int status, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.code = code;
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One invalid field of a request: {@code field} is a JSON path such as {@code listens[3].artist}. */
    public record FieldError(String field, String message) {}

    public static TonearmException notFound(String what) {
        return new TonearmException(ErrorCode.RESOURCE_NOT_FOUND, what + " not found");
    }

    public static TonearmException conflict(String detail) {
        return new TonearmException(ErrorCode.RESOURCE_CONFLICT, detail);
    }

    public static TonearmException permissionDenied(String detail) {
        return new TonearmException(ErrorCode.PERMISSION_DENIED, detail);
    }

    public static TonearmException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static TonearmException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new TonearmException(ErrorCode.VALIDATION_ERROR, 400, detail, errors);
    }

    public static TonearmException tooLarge(String field, String message) {
        return new TonearmException(ErrorCode.PAYLOAD_TOO_LARGE, 413, field + ": " + message,
                List.of(new FieldError(field, message)));
    }
}
