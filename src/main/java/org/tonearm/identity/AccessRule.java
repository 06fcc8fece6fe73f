package org.tonearm.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * An {@link Access} declaration as a value: what the security layer enforces and what an adapter that resolves
 * its own protocol sessions (Last.fm, Audioscrobbler) checks its caller against.
 */
public record AccessRule(Credential credential, List<String> scopes, boolean anyScope, boolean admin) {

    /** The request attribute under which the security layer leaves the rule of the route being called. */
    public static final String ATTRIBUTE = AccessRule.class.getName();

    /** Why a caller was refused; each protocol words it in its own error format. */
    public enum Denial {
        /** No (valid) credential: 401. */
        NOT_AUTHENTICATED,
        /** An API token on a route for login sessions: 403. */
        SESSION_REQUIRED,
        /** A login session on a route for API tokens (ListenBrainz): 401 in that protocol. */
        API_TOKEN_REQUIRED,
        /** Not an admin: 403. */
        NOT_ADMIN,
        /** An API token without the route's scopes: 403 (ListenBrainz: 401 "Insufficient scope."). */
        MISSING_SCOPE
    }

    public AccessRule {
        scopes = List.copyOf(scopes);
    }

    public static AccessRule of(Access access) {
        return new AccessRule(access.credential(), List.of(access.scopes()), access.anyScope(), access.admin());
    }

    /** The declaration of a handler method: its own {@link Access}, else its controller's. */
    public static Optional<AccessRule> declaredBy(Method handler, Class<?> controller) {
        Access access = AnnotatedElementUtils.findMergedAnnotation(handler, Access.class);
        if (access == null) {
            access = AnnotatedElementUtils.findMergedAnnotation(controller, Access.class);
        }
        return Optional.ofNullable(access).map(AccessRule::of);
    }

    /** The rule of the route the request was routed to, as the security layer found it. */
    public static AccessRule current(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof AccessRule rule) {
            return rule;
        }
        throw new IllegalStateException("No access rule for " + request.getRequestURI() + ": the route has no @Access");
    }

    /** Whether a caller who holds {@code held} scopes holds what this rule asks (no scopes asked: yes). */
    public boolean scopesHeldBy(Set<String> held) {
        if (scopes.isEmpty()) {
            return true;
        }
        return anyScope ? scopes.stream().anyMatch(held::contains) : held.containsAll(scopes);
    }

    /**
     * The native credentials' verdict (login session or API token in the Authorization header): empty when the
     * caller may go on. {@link Credential#NONE} and {@link Credential#PROTOCOL_SESSION} pass here: the first
     * needs nothing, the second is checked by its adapter.
     */
    public Optional<Denial> check(Optional<AuthenticatedUser> caller) {
        if (credential == Credential.NONE || credential == Credential.PROTOCOL_SESSION) {
            return Optional.empty();
        }
        if (caller.isEmpty()) {
            return Optional.of(Denial.NOT_AUTHENTICATED);
        }
        AuthenticatedUser user = caller.get();
        if (credential == Credential.SESSION && user.viaApiToken()) {
            return Optional.of(Denial.SESSION_REQUIRED);
        }
        if (credential == Credential.API_TOKEN && !user.viaApiToken()) {
            return Optional.of(Denial.API_TOKEN_REQUIRED);
        }
        if (admin && user.role() != Role.ADMIN) {
            return Optional.of(Denial.NOT_ADMIN);
        }
        if (!scopesHeldBy(user.scopes())) {
            return Optional.of(Denial.MISSING_SCOPE);
        }
        return Optional.empty();
    }
}
