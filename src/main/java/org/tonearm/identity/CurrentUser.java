package org.tonearm.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/** The caller of the current request, for controllers of every module. */
public final class CurrentUser {

    private CurrentUser() {}

    /** The authenticated caller; 401 AUTH_TOKEN_INVALID when there is none. */
    public static AuthenticatedUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
            return user;
        }
        throw new TonearmException(ErrorCode.AUTH_TOKEN_INVALID, "Authentication required");
    }

    /** The caller, who must hold {@code scope} (API tokens carry only their own scopes): else 403. */
    public static AuthenticatedUser require(String scope) {
        AuthenticatedUser user = get();
        if (!user.has(scope)) {
            throw TonearmException.permissionDenied("This token lacks the scope " + scope);
        }
        return user;
    }
}
