package org.tonearm.integrations.internal.connection;

import java.util.Map;
import org.tonearm.shared.TonearmException;

/**
 * What the user sent to connect a service.
 *
 * <p>A field of the wrong JSON type is refused naming it, not coerced (docs/api.md#errors: bad input is refused whole;
 * a {@code "pull": "yes"} quietly read as the default would connect something the user did not ask for). A JSON
 * {@code null} counts as absent.
 *
 * @param body        the JSON body of {@code POST /api/v1/connections/{service}} (provider-defined; may be empty)
 * @param callbackUrl the absolute URL of this instance's OAuth callback for the service
 * @param returnTo    a local path the browser is sent to after the callback (the web page), or null for API clients
 * @param browserNonce the nonce of the starting browser's binding cookie (web page), or null (API: bound later)
 */
public record ConnectRequest(Map<String, Object> body, String callbackUrl, String returnTo, String browserNonce) {

    /** The longest account name a connection stores (integration_connections.external_user is VARCHAR(255)). */
    public static final int MAX_ACCOUNT_LENGTH = 255;

    public ConnectRequest {
        body = body == null ? Map.of() : body;
    }

    /** A text field of the body, stripped; null when absent or blank; VALIDATION_ERROR when not a string. */
    public String text(String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw TonearmException.invalid(field, "must be a string");
        }
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /**
     * An account name at the service ({@link #text}): refused above {@link #MAX_ACCOUNT_LENGTH} characters, which the
     * connection could not store (PostgreSQL refuses the row; SQLite would keep it whole).
     */
    public String account(String field) {
        String value = text(field);
        if (value != null && value.length() > MAX_ACCOUNT_LENGTH) {
            throw TonearmException.invalid(field, "must be at most " + MAX_ACCOUNT_LENGTH + " characters");
        }
        return value;
    }

    /** A boolean field of the body, or {@code fallback} when absent; VALIDATION_ERROR when not a boolean. */
    public boolean flag(String field, boolean fallback) {
        Object value = body.get(field);
        if (value != null && !(value instanceof Boolean)) {
            throw TonearmException.invalid(field, "must be true or false");
        }
        return value instanceof Boolean b ? b : fallback;
    }
}
