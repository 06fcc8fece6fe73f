package org.tonearm.identity.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.tonearm.identity.Access;
import org.tonearm.identity.AccessDenied;
import org.tonearm.identity.AccessRule.Denial;
import org.tonearm.identity.AccessRule;
import org.tonearm.identity.CurrentUser;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * Enforces each route's {@link Access} declaration (docs/api.md#who-may-call-what) — the only place that decides
 * who may call an API or protocol route. Runs after routing, so it knows the handler; the refusal is thrown as
 * {@link AccessDenied}, which the handler's error advice renders: problem+json on the native API, the protocol's
 * own format on the ListenBrainz adapter. The route's rule is left in a request attribute for the adapters that
 * resolve their own protocol sessions (Last.fm, Audioscrobbler) and for owner-only reads of private profiles.
 *
 * <p>A Tonearm handler without a declaration is refused (403), so a forgotten annotation cannot open a route;
 * AccessDeclarationTests fails the build on one first. Handlers of libraries (springdoc's document) are not
 * Tonearm's: the security chain lists them as public.
 */
class AccessInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith("org.tonearm.")) {
            return true;
        }
        AccessRule rule = AccessRule.declaredBy(method.getMethod(), method.getBeanType()).orElse(null);
        if (rule == null) {
            log.error("Refused {} {}: {} declares no @Access", request.getMethod(), request.getRequestURI(), method);
            throw TonearmException.permissionDenied("This route declares no access rule");
        }
        request.setAttribute(AccessRule.ATTRIBUTE, rule);
        Optional<Denial> denial = rule.check(CurrentUser.find());
        if (denial.isPresent()) {
            throw refusal(request, response, rule, denial.get());
        }
        return true;
    }

    private static AccessDenied refusal(HttpServletRequest request, HttpServletResponse response, AccessRule rule,
            Denial denial) {
        return switch (denial) {
            case NOT_AUTHENTICATED -> {
                ErrorCode code = ErrorCode.AUTH_TOKEN_INVALID;
                String detail = "Authentication required: send 'Authorization: Bearer <access token>' or 'Token <API token>'";
                if (request.getAttribute(TokenAuthenticationFilter.FAILURE) instanceof TonearmException failure) {
                    code = failure.code();
                    detail = failure.getMessage();
                }
                // RFC 6750 §3: a 401 for a bearer-protected resource names the scheme
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, code == ErrorCode.AUTH_TOKEN_EXPIRED
                        ? "Bearer error=\"invalid_token\", error_description=\"expired\"" : "Bearer");
                yield new AccessDenied(denial, rule, code, detail);
            }
            case SESSION_REQUIRED -> new AccessDenied(denial, rule, ErrorCode.PERMISSION_DENIED,
                    "This needs a login session; API tokens cannot manage the account");
            case API_TOKEN_REQUIRED -> new AccessDenied(denial, rule, ErrorCode.AUTH_TOKEN_INVALID,
                    "This needs an API token (Authorization: Token <API token>), not a login session");
            case NOT_ADMIN -> new AccessDenied(denial, rule, ErrorCode.PERMISSION_DENIED, "This needs an administrator");
            case MISSING_SCOPE -> new AccessDenied(denial, rule, ErrorCode.PERMISSION_DENIED,
                    "This token lacks the scope " + String.join(rule.anyScope() ? " or " : " and ", rule.scopes()));
        };
    }
}
