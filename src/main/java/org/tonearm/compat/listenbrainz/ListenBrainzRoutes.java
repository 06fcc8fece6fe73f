package org.tonearm.compat.listenbrainz;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Answers for paths under the ListenBrainz prefixes that no endpoint handles, as ListenBrainz (Flask) does:
 * a known path with another method is 405, anything else 404, both in the {@code {code, error}} format.
 * OPTIONS on a known path lists its methods (ListenBrainz's {@code @crossdomain}).
 */
final class ListenBrainzRoutes {

    static final String NOT_FOUND = "The requested URL was not found on the server. If you entered the URL manually "
            + "please check your spelling and try again.";
    static final String METHOD_NOT_ALLOWED = "The method is not allowed for the requested URL.";

    /** The endpoints of ListenBrainzController and ListenBrainzFeedbackController and their methods, by prefix. */
    private static final Map<Pattern, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put(Pattern.compile("/submit-listens"), "POST, OPTIONS");
        ROUTES.put(Pattern.compile("/validate-token"), "GET, HEAD, OPTIONS");
        ROUTES.put(Pattern.compile("/user/[^/]+/(listens|listen-count|playing-now)"), "GET, HEAD, OPTIONS");
        ROUTES.put(Pattern.compile("/delete-listen"), "POST, OPTIONS");
        ROUTES.put(Pattern.compile("/feedback/recording-feedback"), "POST, OPTIONS");
        ROUTES.put(Pattern.compile("/feedback/user/[^/]+/get-feedback"), "GET, HEAD, OPTIONS");
        ROUTES.put(Pattern.compile("/stats/user/[^/]+/(artists|releases|release-groups|recordings|listening-activity"
                + "|daily-activity|year-in-music/\\d+)"), "GET, HEAD, OPTIONS");
    }

    private ListenBrainzRoutes() {}

    static ResponseEntity<Object> answerUnknown(HttpServletRequest request, String... prefixes) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : prefixes) {
            if (path.startsWith(prefix + "/")) {
                path = path.substring(prefix.length());
                break;
            }
        }
        String allowed = allowedMethods(path);
        if (allowed == null) {
            return error(404, NOT_FOUND, null);
        }
        if ("OPTIONS".equals(request.getMethod())) {
            return ResponseEntity.ok().header(HttpHeaders.ALLOW, allowed).build();
        }
        return error(405, METHOD_NOT_ALLOWED, allowed);
    }

    private static String allowedMethods(String path) {
        for (Map.Entry<Pattern, String> route : ROUTES.entrySet()) {
            if (route.getKey().matcher(path).matches()) {
                return route.getValue();
            }
        }
        return null;
    }

    private static ResponseEntity<Object> error(int status, String message, String allow) {
        var builder = ResponseEntity.status(status);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.body(ListenBrainzErrorAdvice.body(status, message, null));
    }
}
