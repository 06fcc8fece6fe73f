package org.tonearm.web.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.WebAccounts;

/**
 * Re-checks a session's login on every page request, as the API's SessionGuard does for access tokens (cached there
 * for 30 s): a disabled account, or a password change / "log out everywhere" after the login, ends the web session
 * too; a changed role applies at once.
 */
final class WebSessionCheck extends OncePerRequestFilter {

    private final WebAccounts accounts;

    WebSessionCheck(WebAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof WebAuthentication login) {
            Optional<AuthenticatedUser> now = accounts.resume(login.getPrincipal(), login.loggedInAtMillis());
            if (now.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (now.get().role() != login.getPrincipal().role()) {
                // for this request; the stored login keeps its time, so the next request checks again
                SecurityContextHolder.getContext().setAuthentication(new WebAuthentication(now.get(), login.loggedInAtMillis()));
            }
        }
        chain.doFilter(request, response);
    }
}
