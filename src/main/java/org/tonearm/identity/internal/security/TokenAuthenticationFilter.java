package org.tonearm.identity.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.internal.account.SessionGuard;
import org.tonearm.identity.internal.token.AccessTokens;
import org.tonearm.identity.internal.token.ApiTokenService;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * Turns {@code Authorization: Bearer <jwt>}, {@code Bearer <api token>} or {@code Token <api token>} (docs/api.md#accounts-and-authentication)
 * into an {@link AuthenticatedUser} principal. A JWT has exactly two dots; an API token has none.
 *
 * <p>A bad credential does not end the request here: the failure is remembered in a request attribute and the
 * request goes on unauthenticated. Protected endpoints then answer 401 with the precise code
 * ({@link ProblemResponses}); public ones (login, the compatibility protocols with their own error formats) are
 * not disturbed by a stale header.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    static final String FAILURE = TokenAuthenticationFilter.class.getName() + ".failure";

    private final AccessTokens accessTokens;
    private final ApiTokenService apiTokens;
    private final SessionGuard sessions;

    TokenAuthenticationFilter(AccessTokens accessTokens, ApiTokenService apiTokens, SessionGuard sessions) {
        this.accessTokens = accessTokens;
        this.apiTokens = apiTokens;
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            try {
                AuthenticatedUser user = authenticate(header.strip());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                        AuthorityUtils.createAuthorityList("ROLE_" + user.role().name())));
                SecurityContextHolder.setContext(context);
            } catch (TonearmException failure) {
                request.setAttribute(FAILURE, failure);
            }
        }
        chain.doFilter(request, response);
    }

    private AuthenticatedUser authenticate(String header) {
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String credential = space < 0 ? "" : header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer") && looksLikeJwt(credential)) {
            return sessions.check(accessTokens.verifyToken(credential));
        }
        if (scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("Token")) {
            return apiTokens.authenticate(credential).orElseThrow(() ->
                    new TonearmException(ErrorCode.AUTH_TOKEN_INVALID, "The API token is invalid or has been deleted"));
        }
        throw new TonearmException(ErrorCode.AUTH_TOKEN_INVALID,
                "Unsupported authorization scheme; use 'Bearer <token>' or 'Token <token>'");
    }

    private static boolean looksLikeJwt(String credential) {
        return credential.chars().filter(c -> c == '.').count() == 2;
    }
}
