package org.tonearm.web.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.tonearm.identity.AuthenticatedUser;

/**
 * Signs a user into the browser's session after the pages that create or re-authenticate an account (first run,
 * registration, password change), the way the login form does: a fresh session id (no fixation), the login stored in
 * the session.
 */
@Component
public class WebSignIn {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public void signIn(AuthenticatedUser user, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new WebAuthentication(user, System.currentTimeMillis()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
