package org.tonearm.identity;

import java.security.Principal;
import java.util.Set;

/**
 * Who is calling: the principal of every authenticated request, whether it came with a JWT access
 * token (all scopes) or a personal API token (its own scopes).
 */
public record AuthenticatedUser(long id, String username, Role role, Set<String> scopes, boolean viaApiToken)
        implements Principal {

    @Override
    public String getName() {
        return username;
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
