package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.WebAccounts;
import org.tonearm.shared.TonearmException;
import org.tonearm.web.internal.security.WebSignIn;

/**
 * First run (docs/web.md): on an instance without accounts, the page that creates the administrator — the API's
 * registration, whose first account becomes ADMIN whatever the registration mode (docs/api.md#accounts-and-authentication).
 * Once any account exists the page is gone: it redirects to {@code /}, and a late POST is refused by the
 * registration rules like any other sign-up.
 */
@Controller
class SetupController {

    private final UserDirectory users;
    private final WebAccounts accounts;
    private final WebSignIn signIn;

    SetupController(UserDirectory users, WebAccounts accounts, WebSignIn signIn) {
        this.users = users;
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @GetMapping("/setup")
    String form(Model model) {
        if (users.hasAccounts()) {
            return "redirect:/";
        }
        model.addAttribute("errors", FormErrors.NONE);
        return "setup";
    }

    @PostMapping("/setup")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (users.hasAccounts()) {
            return "redirect:/";
        }
        try {
            signIn.signIn(accounts.register(username, password, email, null, request.getRemoteAddr()), request, response);
            return "redirect:/";
        } catch (TonearmException e) {
            model.addAttribute("errors", FormErrors.of(e));
            model.addAttribute("username", username);
            model.addAttribute("email", email);
            response.setStatus(e.status());
            return "setup";
        }
    }
}
