package org.tonearm.compat.listenbrainz;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body without ever holding more than {@code limit + 1} bytes of it. */
final class RequestBodies {

    private RequestBodies() {}

    /** The body; over {@code limit} bytes it is ListenBrainz's "Payload too large" 400. */
    static byte[] read(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    /** api.py submit_listen: the body is checked against MAX_LISTEN_PAYLOAD_SIZE before it is parsed. */
    private static ListenBrainzApiException tooLarge(int limit) {
        return ListenBrainzApiException.badRequest("Payload too large. Payload cannot exceed " + limit + " bytes");
    }
}
