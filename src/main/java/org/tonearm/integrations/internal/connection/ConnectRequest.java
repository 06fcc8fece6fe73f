package org.tonearm.integrations.internal.connection;

import java.util.Map;

/**
 * What the user sent to connect a service.
 *
 * @param body        the JSON body of {@code POST /api/v1/connections/{service}} (provider-defined; may be empty)
 * @param callbackUrl the absolute URL of this instance's OAuth callback for the service
 * @param returnTo    a local path the browser is sent to after the callback (the web page), or null for API clients
 * @param browserNonce the nonce of the starting browser's binding cookie (web page), or null (API: bound later)
 */
public record ConnectRequest(Map<String, Object> body, String callbackUrl, String returnTo, String browserNonce) {

    public ConnectRequest {
        body = body == null ? Map.of() : body;
    }

    /** A text field of the body, stripped; null when absent or blank. */
    public String text(String field) {
        Object value = body.get(field);
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /** A boolean field of the body, or {@code fallback} when absent. */
    public boolean flag(String field, boolean fallback) {
        return body.get(field) instanceof Boolean b ? b : fallback;
    }
}
