package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.WebConnections;
import org.tonearm.shared.TonearmException;

/**
 * {@code /admin} (issue #12 item 8): accounts (disable / enable, role), invites (create — the code shown once —,
 * list, revoke) and the registration mode, through the identity façade with the rules of {@code /api/v1/admin/*}
 * (the last admin keeps the role, an admin cannot disable themselves…). The security chain admits ADMIN only.
 */
@Controller
class AdminPageController {

    static final int USERS_SHOWN = 500;

    private final WebConnections admin;

    AdminPageController(WebConnections admin) {
        this.admin = admin;
    }

    @GetMapping("/admin")
    String page(Model model) {
        return render(model, FormErrors.NONE);
    }

    @PostMapping("/admin/users/{id}/disabled")
    String disable(@PathVariable long id, @RequestParam boolean disabled, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(() -> admin.setDisabled(id, disabled), disabled ? "admin.disabled" : "admin.enabled", model,
                response, redirect);
    }

    @PostMapping("/admin/users/{id}/role")
    String role(@PathVariable long id, @RequestParam(defaultValue = "") String role, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(() -> admin.setRole(id, role), "admin.roleChanged", model, response, redirect);
    }

    @PostMapping("/admin/invites")
    String invite(@RequestParam(defaultValue = "") String note,
            @RequestParam(name = "valid_for_days", required = false) Long days, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            WebConnections.Invite created = admin.createInvite(CurrentUser.get().id(), note, days);
            redirect.addFlashAttribute("inviteCode", created.code());
            return "redirect:/admin";
        } catch (TonearmException e) {
            response.setStatus(e.status());
            return render(model, FormErrors.of(e));
        }
    }

    @PostMapping("/admin/invites/{id}/revoke")
    String revokeInvite(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(() -> admin.deleteInvite(id), "admin.inviteRevoked", model, response, redirect);
    }

    @PostMapping("/admin/registration")
    String registration(@RequestParam(defaultValue = "") String mode, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(() -> admin.setRegistrationMode(mode), "admin.registrationSaved", model, response, redirect);
    }

    private String act(Runnable action, String notice, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/admin";
        } catch (TonearmException e) {
            response.setStatus(e.status());
            return render(model, FormErrors.of(e));
        }
    }

    private String render(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("users", admin.users(USERS_SHOWN, 0));
        model.addAttribute("invites", admin.invites());
        model.addAttribute("mode", admin.registrationMode());
        model.addAttribute("me", CurrentUser.get().id());
        return "admin";
    }
}
