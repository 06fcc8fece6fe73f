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
 * Registration as the API does it (docs/api.md#accounts-and-authentication): a form when registration is
 * {@code open}, the same form with an invite code when it is {@code invite} (the code may come in the link,
 * {@code /register?invite=...}), a notice when it is {@code closed}. The identity façade applies the rules.
 */
@Controller
class RegisterController {

    private final UserDirectory users;
    private final WebAccounts accounts;
    private final WebSignIn signIn;

    RegisterController(UserDirectory users, WebAccounts accounts, WebSignIn signIn) {
        this.users = users;
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @GetMapping("/register")
    String form(@RequestParam(required = false) String invite, Model model) {
        if (!users.hasAccounts()) {
            return "redirect:/setup";
        }
        model.addAttribute("mode", accounts.registrationMode());
        model.addAttribute("inviteCode", invite);
        model.addAttribute("errors", FormErrors.NONE);
        return "register";
    }

    @PostMapping("/register")
    String register(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "invite_code", defaultValue = "") String inviteCode,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            signIn.signIn(accounts.register(username, password, email, inviteCode, request.getRemoteAddr()), request,
                    response);
            return "redirect:/";
        } catch (TonearmException e) {
            model.addAttribute("mode", accounts.registrationMode());
            model.addAttribute("errors", FormErrors.of(e));
            model.addAttribute("username", username);
            model.addAttribute("email", email);
            model.addAttribute("inviteCode", inviteCode);
            response.setStatus(e.status());
            return "register";
        }
    }
}
