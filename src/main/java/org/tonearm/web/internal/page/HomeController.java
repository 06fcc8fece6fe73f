package org.tonearm.web.internal.page;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.UserDirectory;
import org.tonearm.stats.Overview;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsService;

/**
 * {@code /}: the first-run page on an instance without accounts, the login page for a visitor, the dashboard for a
 * logged-in user (its first block: this month's overview from the stats façade).
 */
@Controller
class HomeController {

    private final UserDirectory users;
    private final StatsService stats;

    HomeController(UserDirectory users, StatsService stats) {
        this.users = users;
        this.stats = stats;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        if (!users.hasAccounts()) {
            return "redirect:/setup";
        }
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            return "redirect:/login";
        }
        Overview overview = stats.overview(user.id(), stats.resolve(user.id(), RangeRequest.named("this_month")));
        model.addAttribute("overview", overview);
        model.addAttribute("cards", OverviewCard.of(overview));
        return "dashboard";
    }
}
