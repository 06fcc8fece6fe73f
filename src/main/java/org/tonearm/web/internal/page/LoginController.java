package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.WebAccounts;
import org.tonearm.web.internal.security.WebLoginFailure;

/**
 * The login page. The form posts to {@code /login}, which Spring Security handles (WebSecurityConfiguration); a
 * refusal comes back here as {@code ?error} with the reason in the session, shown in the user's language. OpenID
 * Connect buttons link to the API's authorize endpoint when providers are configured.
 */
@Controller
class LoginController {

    private final UserDirectory users;
    private final WebAccounts accounts;

    LoginController(UserDirectory users, WebAccounts accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(Authentication authentication, HttpSession session, Model model,
            @RequestParam(name = "oidc_error", required = false) String oidcError) {
        if (!users.hasAccounts()) {
            return "redirect:/setup";
        }
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser) {
            return "redirect:/";
        }
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof WebLoginFailure f) {
            model.addAttribute("errorKey", switch (f.code()) {
                case RATE_LIMIT_EXCEEDED -> "login.error.limited";
                case VALIDATION_ERROR -> "login.error.missing";
                case AUTH_INVALID_CREDENTIALS -> "login.error.credentials";
                default -> "login.error.other";
            });
        }
        if (oidcError != null) {
            model.addAttribute("errorKey", "login.error.oidc");
        }
        model.addAttribute("registration", accounts.registrationMode());
        model.addAttribute("providers", accounts.oidcProviders());
        return "login";
    }
}
