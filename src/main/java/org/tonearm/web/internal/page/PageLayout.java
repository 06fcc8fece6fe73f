package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the layout shows around every page (docs/web.md#layout), made once per request in Java: whether someone is
 * signed in (the nav and the logout button), and the nav entries with their message key and whether each is the
 * current page. The layout used to evaluate three {@code sec:authorize} expressions (each builds a Spring Security
 * expression context) and, per nav entry, a message-key concatenation and two path tests — on every page, ~10 % of
 * a light page's render (docs/performance.md, "Web pages: the fixed cost of a page").
 *
 * @param signedIn as {@code sec:authorize="isAuthenticated()"}: an authentication that is not anonymous
 * @param nav the entries, Admin last and only for admins ({@code hasRole('ADMIN')})
 */
public record PageLayout(boolean signedIn, List<NavLink> nav) {

    /** A nav entry: its path, its label's message key ({@code nav.<path>}) and {@code aria-current="page"}. */
    public record NavLink(String href, String labelKey, boolean current) {}

    /** The entries every signed-in user sees, in order (docs/web.md "Adding a page", step 5). */
    static final List<String> PAGES = List.of("/", "/top", "/history", "/discoveries", "/streaks", "/year", "/import",
            "/connections", "/settings");

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private static final PageLayout SIGNED_OUT = new PageLayout(false, List.of());

    /** The layout for this request's path and the login of the security context. */
    static PageLayout of(HttpServletRequest request) {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null || !login.isAuthenticated() || TRUST.isAnonymous(login)) {
            return SIGNED_OUT;
        }
        String path = request.getRequestURI();
        List<NavLink> nav = new ArrayList<>(PAGES.size() + 1);
        for (String page : PAGES) {
            // the entry whose path prefixes the request's ("/top" for "/top?kind=tracks"); "/" only for itself
            boolean current = path.equals(page) || (!page.equals("/") && path.startsWith(page));
            nav.add(new NavLink(page, page.equals("/") ? "nav.dashboard" : "nav." + page.substring(1), current));
        }
        if (login.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            nav.add(new NavLink("/admin", "nav.admin", path.startsWith("/admin")));
        }
        return new PageLayout(true, List.copyOf(nav));
    }
}
