package org.tonearm.compat.lastfm;

/**
 * Last.fm API error codes with their documented messages (https://www.last.fm/api/errorcodes) and the HTTP status
 * Last.fm sends with them.
 */
enum LastfmError {
    INVALID_SERVICE(2, 400, "Invalid service - This service does not exist"),
    INVALID_METHOD(3, 400, "Invalid Method - No method with that name in this package"),
    AUTHENTICATION_FAILED(4, 403, "Authentication Failed - You do not have permissions to access the service"),
    INVALID_FORMAT(5, 400, "Invalid format - This service doesn't exist in that format"),
    INVALID_PARAMETERS(6, 400, "Invalid parameters - Your request is missing a required parameter"),
    OPERATION_FAILED(8, 500, "Operation failed - Something else went wrong"),
    INVALID_SESSION_KEY(9, 403, "Invalid session key - Please re-authenticate"),
    INVALID_API_KEY(10, 403, "Invalid API key - You must be granted a valid key by last.fm"),
    SERVICE_OFFLINE(11, 503, "Service Offline - This service is temporarily offline. Try again later."),
    INVALID_SIGNATURE(13, 403, "Invalid method signature supplied"),
    UNAUTHORIZED_TOKEN(14, 403, "Unauthorized Token - This token has not been authorized"),
    TOKEN_EXPIRED(15, 403, "This token has expired"),
    TEMPORARY_ERROR(16, 503, "There was a temporary error processing your request. Please try again"),
    SUSPENDED_API_KEY(26, 403, "Suspended API key - Access for your account has been suspended, please contact Last.fm"),
    RATE_LIMIT_EXCEEDED(29, 429, "Rate limit exceeded - Your IP has made too many requests in a short period");

    final int code;
    final int httpStatus;
    final String message;

    LastfmError(int code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }
}
