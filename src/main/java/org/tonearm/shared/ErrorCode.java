package org.tonearm.shared;

/** The stable error codes of docs/api.md#errors, with the HTTP status each normally carries. */
public enum ErrorCode {
    AUTH_INVALID_CREDENTIALS(401),
    AUTH_TOKEN_EXPIRED(401),
    AUTH_TOKEN_INVALID(401),
    VALIDATION_ERROR(400),
    RESOURCE_NOT_FOUND(404),
    RESOURCE_CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    RATE_LIMIT_EXCEEDED(429),
    EXTERNAL_SERVICE_ERROR(502),
    DATABASE_ERROR(503),
    PERMISSION_DENIED(403),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
