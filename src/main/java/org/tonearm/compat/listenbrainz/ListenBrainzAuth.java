package org.tonearm.compat.listenbrainz;

import static org.tonearm.compat.listenbrainz.ListenBrainzApiException.unauthorized;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tonearm.identity.AccessDenied;
import org.tonearm.identity.AuthenticatedUser;

/**
 * ListenBrainz authentication: {@code Authorization: Token <token>} with a Tonearm API token (like ListenBrainz,
 * whatever the scheme word: {@code Bearer <API token>} works too). A login token (JWT) is refused: it expires
 * within the hour, so a client configured with one would stop scrobbling silently. Which routes need which token is
 * each handler's {@code @Access} declaration, enforced by the security layer; this words its refusals in
 * ListenBrainz's terms (api_tools.py {@code validate_auth_header}).
 */
@Component
class ListenBrainzAuth {

    /** ListenBrainz's message for a token it does not know, and what to send instead. */
    static final String LOGIN_TOKEN = "Invalid authorization token. This is a Tonearm login token; ListenBrainz clients"
            + " send an API token: Authorization: Token <API token> (create one with POST /api/v1/me/tokens).";

    /**
     * A refusal by the route's access rule (docs/api.md#who-may-call-what) in ListenBrainz's terms: its 401 messages
     * (api_tools.py {@code validate_auth_header}), "Insufficient scope." for a token without the route's scope.
     */
    static ListenBrainzApiException refusal(HttpServletRequest request, AccessDenied denied) {
        return switch (denied.denial()) {
            case API_TOKEN_REQUIRED -> unauthorized(LOGIN_TOKEN);
            case MISSING_SCOPE, SESSION_REQUIRED, NOT_ADMIN -> unauthorized("Insufficient scope.");
            case NOT_AUTHENTICATED -> {
                String header = request.getHeader(HttpHeaders.AUTHORIZATION);
                if (header == null || header.isEmpty()) {
                    yield unauthorized("You need to provide an Authorization header.");
                }
                yield unauthorized(header.indexOf(' ') < 0 ? "Provided Authorization header is invalid."
                        : "Invalid authorization token.");
            }
        };
    }

    /** The authenticated caller, if the request carried a valid token. */
    Optional<AuthenticatedUser> authenticated() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
