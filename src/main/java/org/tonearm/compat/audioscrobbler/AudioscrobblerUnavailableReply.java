package org.tonearm.compat.audioscrobbler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.shared.DatabaseUnavailableReply;

/**
 * A database failure before the controller, as Audioscrobbler's {@code FAILED <reason>} (protocol 1.2: clients
 * read the first line and retry later). The 503 is ours: a client reading the status as a hard failure also retries.
 */
@Component
class AudioscrobblerUnavailableReply implements DatabaseUnavailableReply {

    static final String FAILED = "FAILED " + DatabaseUnavailable.REASON + "\n";

    @Override
    public boolean handles(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/apis/audioscrobbler");
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(("FAILED " + reason + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
