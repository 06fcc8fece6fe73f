package org.tonearm.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/** The caller of the current request, for controllers of every module. */
public final class CurrentUser {

    private CurrentUser() {}

    /**
     * The authenticated caller; 401 AUTH_TOKEN_INVALID when there is none. Whether the caller may call the route at
     * all (credential kind, scopes, role) is the route's {@link Access} declaration, enforced before the handler runs.
     */
    public static AuthenticatedUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
            return user;
        }
        throw new TonearmException(ErrorCode.AUTH_TOKEN_INVALID, "Authentication required");
    }

    /** The authenticated caller, if the request carried a valid credential. */
    public static java.util.Optional<AuthenticatedUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
            return java.util.Optional.of(user);
        }
        return java.util.Optional.empty();
    }
}
