package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.UserDirectory;

/**
 * {@code /}: the first-run page on an instance without accounts, the login page for a visitor, the dashboard for a
 * logged-in user (docs/web.md#the-dashboard). The range is in the URL ({@code ?range=last_month},
 * {@code ?range=year&year=2024}, {@code ?range=custom&from=…&to=…}); an htmx request of the range picker gets only the
 * range's part of the page, a plain GET (no JavaScript, a shared link, the back button's reload) the whole page.
 */
@Controller
class HomeController {

    private final UserDirectory users;
    private final DashboardView view;

    HomeController(UserDirectory users, DashboardView view) {
        this.users = users;
        this.view = view;
    }

    @GetMapping("/")
    String home(Authentication authentication, @RequestParam(required = false) String range,
            @RequestParam(required = false) String year, @RequestParam(required = false) String month,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!users.hasAccounts()) {
            return "redirect:/setup";
        }
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            return "redirect:/login";
        }
        view.range(user.id(), new RangeForm(range, year, month, from, to), locale, model);
        // the same URL answers a fragment or the page: caches must keep them apart
        response.setHeader("Vary", "HX-Request");
        boolean fragment = request.getHeader("HX-Request") != null
                && request.getHeader("HX-History-Restore-Request") == null;
        if (fragment) {
            return "dashboard :: content";
        }
        view.live(user.id(), locale, model);
        return "dashboard";
    }
}
