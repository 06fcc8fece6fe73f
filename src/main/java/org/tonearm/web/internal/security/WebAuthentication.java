package org.tonearm.web.internal.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.tonearm.identity.AuthenticatedUser;

/**
 * A web session's login: the principal is the identity module's {@link AuthenticatedUser} (so
 * {@code CurrentUser.get()} works in web controllers as in API controllers) and {@code loggedInAtMillis} plays an
 * access token's issue time when the session is re-checked ({@link WebSessionCheck}).
 */
public final class WebAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser user;
    private final long loggedInAtMillis;

    public WebAuthentication(AuthenticatedUser user, long loggedInAtMillis) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
        this.user = user;
        this.loggedInAtMillis = loggedInAtMillis;
        setAuthenticated(true);
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    public long loggedInAtMillis() {
        return loggedInAtMillis;
    }
}
