package org.tonearm.web.internal.security;

import org.springframework.security.core.AuthenticationException;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/** A refused web login, carrying the identity module's reason so the login page can say it in the user's language. */
public final class WebLoginFailure extends AuthenticationException {

    private final transient TonearmException cause;

    WebLoginFailure(TonearmException cause) {
        super(cause.getMessage(), cause);
        this.cause = cause;
    }

    public ErrorCode code() {
        return cause.code();
    }
}
