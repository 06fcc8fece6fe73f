package org.tonearm.compat.listenbrainz;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body without ever holding more than {@code limit + 1} bytes of it. */
final class RequestBodies {

    /** How much of an oversized body is read and discarded before giving up on the connection. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private RequestBodies() {}

    /** The body; over {@code limit} bytes it is ListenBrainz's "Payload too large" 400. */
    static byte[] read(HttpServletRequest request, int limit) throws IOException {
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > limit) {
                drain(in);
                throw tooLarge(limit);
            }
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                drain(in);
                throw tooLarge(limit);
            }
            return body;
        }
    }

    /**
     * Reads (and forgets) what the client is still sending, up to a bound, so that it gets to read the 400 instead of
     * a reset connection; beyond the bound the server closes the connection.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAIN_LIMIT;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    /** api.py submit_listen: the body is checked against MAX_LISTEN_PAYLOAD_SIZE before it is parsed. */
    private static ListenBrainzApiException tooLarge(int limit) {
        return ListenBrainzApiException.badRequest("Payload too large. Payload cannot exceed " + limit + " bytes");
    }
}
