package org.tonearm.compat.lastfm;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.shared.DatabaseUnavailableReply;

/**
 * A database failure before the controller, as Last.fm error 16 ("temporary error", https://www.last.fm/api/errorcodes:
 * clients retry later), in XML or, with {@code format=json}, JSON.
 */
@Component
class LastfmUnavailableReply implements DatabaseUnavailableReply {

    @Override
    public boolean handles(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/2.0") || path.startsWith("/apis/lastfm/2.0");
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        LastfmError error = LastfmError.TEMPORARY_ERROR;
        boolean json = "json".equalsIgnoreCase(request.getParameter("format"));
        response.setContentType((json ? LastfmRendering.JSON : LastfmRendering.XML).toString());
        String message = reason.equals(DatabaseUnavailable.REASON) ? error.message : error.message + " (" + reason + ")";
        String body = json ? LfmWriter.jsonError(error.code, message) : LfmWriter.xmlError(error.code, message);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
