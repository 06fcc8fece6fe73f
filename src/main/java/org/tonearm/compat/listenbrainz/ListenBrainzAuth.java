package org.tonearm.compat.listenbrainz;

import static org.tonearm.compat.listenbrainz.ListenBrainzApiException.unauthorized;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tonearm.identity.AuthenticatedUser;

/**
 * ListenBrainz authentication: {@code Authorization: Token <token>} with a Tonearm API token (like ListenBrainz,
 * whatever the scheme word: {@code Bearer <API token>} works too). A login token (JWT) is refused: it expires
 * within the hour, so a client configured with one would stop scrobbling silently. The security filter has already checked the header (the LB paths are public in the security chain),
 * so this reads its verdict and answers in ListenBrainz's terms (api_tools.py {@code validate_auth_header}).
 */
@Component
class ListenBrainzAuth {

    /** ListenBrainz's message for a token it does not know, and what to send instead. */
    static final String LOGIN_TOKEN = "Invalid authorization token. This is a Tonearm login token; ListenBrainz clients"
            + " send an API token: Authorization: Token <API token> (create one with POST /api/v1/me/tokens).";

    /** The caller, who must hold {@code scope}; else 401 with ListenBrainz's message. */
    AuthenticatedUser require(HttpServletRequest request, String scope) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isEmpty()) {
            throw unauthorized("You need to provide an Authorization header.");
        }
        if (header.indexOf(' ') < 0) {
            throw unauthorized("Provided Authorization header is invalid.");
        }
        AuthenticatedUser user = authenticated().orElseThrow(() -> unauthorized("Invalid authorization token."));
        if (!user.viaApiToken()) {
            throw unauthorized(LOGIN_TOKEN);
        }
        if (!user.has(scope)) {
            // ListenBrainz answers a token without the needed scope with 401 "Insufficient scope."
            throw unauthorized("Insufficient scope.");
        }
        return user;
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
