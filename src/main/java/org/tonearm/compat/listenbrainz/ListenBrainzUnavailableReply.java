package org.tonearm.compat.listenbrainz;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.shared.DatabaseUnavailableReply;
import tools.jackson.databind.json.JsonMapper;

/** A database failure before the controller, as ListenBrainz's {@code {"code": 503, "error": …}} (errors.py). */
@Component
class ListenBrainzUnavailableReply implements DatabaseUnavailableReply {

    private final JsonMapper json;

    ListenBrainzUnavailableReply(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean handles(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith(ListenBrainzController.ROOT_PREFIX + "/") || path.startsWith(ListenBrainzController.API_PREFIX + "/");
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                ListenBrainzErrorAdvice.body(503,
                reason.equals(DatabaseUnavailable.REASON) ? ListenBrainzErrorAdvice.UNAVAILABLE : reason, null));
    }
}
