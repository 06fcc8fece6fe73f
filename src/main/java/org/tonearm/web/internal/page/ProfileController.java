package org.tonearm.web.internal.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Overview;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.TopOrder;

/**
 * {@code /u/{username}} (issue #12 item 8): a PUBLIC profile, read-only and without login — what
 * {@code GET /api/v1/users/{username}/stats/…} shows (docs/api.md#accounts-and-authentication). A PRIVATE profile and a
 * name nobody has get the same 404 page ("Not found"), so the page tells nothing about which accounts exist.
 */
@Controller
class ProfileController {

    static final int TOP = 10;

    private final UserDirectory users;
    private final StatsService stats;

    ProfileController(UserDirectory users, StatsService stats) {
        this.users = users;
        this.stats = stats;
    }

    @GetMapping("/u/{username}")
    String profile(@PathVariable String username, Model model) {
        UserProfile owner = users.findByUsername(username)
                .filter(p -> "PUBLIC".equalsIgnoreCase(p.profileVisibility()))
                .orElseThrow(() -> TonearmException.notFound("User"));
        StatsRange range = stats.resolve(owner.id(), RangeRequest.named("all_time"));
        Overview overview = stats.overview(owner.id(), range);
        model.addAttribute("owner", owner);
        model.addAttribute("name", owner.displayName() == null || owner.displayName().isBlank()
                ? owner.username() : owner.displayName());
        model.addAttribute("overview", overview);
        model.addAttribute("cards", OverviewCard.of(overview));
        model.addAttribute("artists", stats.top(owner.id(), range, Entity.ARTISTS, TopOrder.PLAYS, TOP, 0));
        model.addAttribute("tracks", stats.top(owner.id(), range, Entity.TRACKS, TopOrder.PLAYS, TOP, 0));
        model.addAttribute("albums", stats.top(owner.id(), range, Entity.ALBUMS, TopOrder.PLAYS, TOP, 0));
        return "profile";
    }
}
