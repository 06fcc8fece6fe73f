package org.tonearm.listens.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import org.tonearm.shared.TonearmException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body as a JSON tree with a size limit. Tomcat's max post size applies only to form
 * posts, so a JSON body has no limit unless the endpoint enforces one (docs/api.md#gateway "body size limits").
 * The tree, rather than data binding, lets the validator name each wrongly typed field and lets one bad
 * batch item fail alone.
 */
@Component
class BoundedJsonBody {

    /** docs/api.md#gateway body size limit for listen submissions: a full batch of 1000 rich listens fits easily. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** After the limit, read on this far so the client gets the 413 rather than a reset connection. */
    private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    private final JsonMapper json;

    BoundedJsonBody(JsonMapper json) {
        this.json = json;
    }

    JsonNode read(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            drain(request);
            throw tooLarge();
        }
        byte[] body = readAtMost(request, MAX_BODY_BYTES);
        if (body.length == 0) {
            throw TonearmException.invalid("body", "is required");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw TonearmException.invalid("body", "is not valid JSON");
        }
    }

    private static byte[] readAtMost(HttpServletRequest request, int max) {
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    skipRest(in, MAX_DRAIN_BYTES);
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            skipRest(in, MAX_DRAIN_BYTES);
        } catch (IOException e) {
            // the client went away; the 413 is best effort
        }
    }

    private static void skipRest(InputStream in, long max) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (skipped < max && (n = in.read(buffer)) > 0) {
            skipped += n;
        }
    }

    private static TonearmException tooLarge() {
        return TonearmException.tooLarge("body", "must be at most " + MAX_BODY_BYTES + " bytes");
    }
}
