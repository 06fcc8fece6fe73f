package org.tonearm.compat.listenbrainz;

import tools.jackson.databind.JsonNode;

/**
 * A ListenBrainz API error: rendered as {@code {"code": status, "error": message}} by
 * {@link ListenBrainzErrorAdvice}. ListenBrainz merges the offending listen's top-level keys into the body of a
 * listen validation error ({@code APIError.to_dict}); {@code listen} carries that listen, or null.
 */
class ListenBrainzApiException extends RuntimeException {

    private final int status;
    private final transient JsonNode listen;

    ListenBrainzApiException(int status, String message, JsonNode listen) {
        super(message, null, false, false);
        this.status = status;
        this.listen = listen;
    }

    static ListenBrainzApiException badRequest(String message) {
        return new ListenBrainzApiException(400, message, null);
    }

    static ListenBrainzApiException invalidListen(String message, JsonNode listen) {
        return new ListenBrainzApiException(400, message, listen);
    }

    static ListenBrainzApiException unauthorized(String message) {
        return new ListenBrainzApiException(401, message, null);
    }

    static ListenBrainzApiException notFound(String message) {
        return new ListenBrainzApiException(404, message, null);
    }

    int status() {
        return status;
    }

    JsonNode listen() {
        return listen;
    }
}
