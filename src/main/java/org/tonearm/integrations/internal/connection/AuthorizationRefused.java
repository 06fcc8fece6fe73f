package org.tonearm.integrations.internal.connection;

import org.tonearm.shared.TonearmException;

/**
 * The service's redirect came back without an authorization (the user pressed "Cancel": OAuth {@code
 * error=access_denied}, RFC 6749 §4.1.2.1) or the code could not be exchanged. A 400 for API clients; a browser that
 * started on the web page is sent back there with the reason ({@link #returnTo()}).
 */
public class AuthorizationRefused extends TonearmException {

    private final String returnTo;

    public AuthorizationRefused(String field, String message, String returnTo) {
        super(org.tonearm.shared.ErrorCode.VALIDATION_ERROR, 400, field + ": " + message,
                java.util.List.of(new FieldError(field, message)));
        this.returnTo = returnTo;
    }

    public String returnTo() {
        return returnTo;
    }
}
