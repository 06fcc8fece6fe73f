package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.UserProfile;
import org.tonearm.identity.WebAccounts;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;
import org.tonearm.web.internal.security.WebSignIn;

/**
 * Settings: the profile fields of {@code PATCH /api/v1/me} and the password change of {@code POST /api/v1/me/password},
 * through the identity façade, so a refusal shows the API's own message next to its field (docs/web.md#forms).
 * A success redirects back (post/redirect/get) with a notice.
 */
@Controller
class SettingsController {

    static final List<String> WEEK_DAYS = java.util.Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();
    static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    private final WebAccounts accounts;
    private final WebSignIn signIn;

    SettingsController(WebAccounts accounts, WebSignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @GetMapping("/settings")
    String page(Model model) {
        UserProfile me = accounts.profile(CurrentUser.get().id());
        return render(model, Form.of(me), FormErrors.NONE, FormErrors.NONE);
    }

    @PostMapping("/settings/profile")
    String profile(@RequestParam(name = "display_name", defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String timezone,
            @RequestParam(name = "week_start", defaultValue = "") String weekStart,
            @RequestParam(name = "profile_visibility", defaultValue = "") String visibility,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            accounts.updateProfile(CurrentUser.get().id(), displayName, email, timezone, weekStart, visibility);
            redirect.addFlashAttribute("notice", "settings.saved");
            return "redirect:/settings";
        } catch (TonearmException e) {
            response.setStatus(e.status());
            FormErrors errors = e.code() == ErrorCode.RESOURCE_CONFLICT ? FormErrors.field("email", e.getMessage()) : FormErrors.of(e);
            return render(model, new Form(displayName, email, timezone, weekStart, visibility), errors, FormErrors.NONE);
        }
    }

    @PostMapping("/settings/password")
    String password(@RequestParam(name = "current_password", defaultValue = "") String current,
            @RequestParam(name = "new_password", defaultValue = "") String next, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            // every session of the account ends, this one included: sign this browser in again
            signIn.signIn(accounts.changePassword(CurrentUser.get().id(), current, next), request, response);
            redirect.addFlashAttribute("notice", "settings.passwordChanged");
            return "redirect:/settings";
        } catch (TonearmException e) {
            response.setStatus(e.status());
            FormErrors errors = e.code() == ErrorCode.AUTH_INVALID_CREDENTIALS
                    ? FormErrors.field("current_password", e.getMessage()) : FormErrors.of(e);
            return render(model, Form.of(accounts.profile(CurrentUser.get().id())), FormErrors.NONE, errors);
        }
    }

    private String render(Model model, Form form, FormErrors profileErrors, FormErrors passwordErrors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", profileErrors);
        model.addAttribute("passwordErrors", passwordErrors);
        model.addAttribute("weekDays", WEEK_DAYS);
        model.addAttribute("timezones", TIMEZONES);
        return "settings";
    }

    /** The profile form's values, as typed (after a refusal) or as stored. */
    record Form(String displayName, String email, String timezone, String weekStart, String profileVisibility) {
        static Form of(UserProfile p) {
            return new Form(p.displayName(), p.email(), p.timezone().getId(), p.weekStart().name(),
                    p.profileVisibility().toUpperCase(Locale.ROOT));
        }
    }
}
