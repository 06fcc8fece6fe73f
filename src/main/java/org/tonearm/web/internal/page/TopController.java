package org.tonearm.web.internal.page;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonearm.identity.CurrentUser;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.Entity;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.TopOrder;
import org.tonearm.stats.TopPage;

/** {@code /top}: top artists, albums or tracks of a range, by plays or listening time, 50 a page (stats façade). */
@Controller
class TopController {

    static final int PAGE_SIZE = 50;

    private final StatsService stats;

    TopController(StatsService stats) {
        this.stats = stats;
    }

    @GetMapping("/top")
    String top(@RequestParam(defaultValue = "artists") String kind, @RequestParam(defaultValue = "plays") String order,
            @RequestParam(required = false) String range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page, Model model) {
        long user = CurrentUser.get().id();
        Entity entity = parse(Entity.class, kind, Entity.ARTISTS);
        TopOrder topOrder = parse(TopOrder.class, order, TopOrder.PLAYS);
        int p = Math.max(1, page);
        RangeForm form = RangeForm.of(range, from, to, "this_month");
        model.addAttribute("form", form);
        model.addAttribute("ranges", RangeForm.NAMED);
        model.addAttribute("kind", entity.name().toLowerCase(Locale.ROOT));
        model.addAttribute("order", topOrder.name().toLowerCase(Locale.ROOT));
        try {
            // the range resolved in the view's own read (one pooled connection per page, issue #12 item 10)
            TopPage top = stats.top(user, form.request(), entity, topOrder, PAGE_SIZE, (p - 1) * PAGE_SIZE);
            model.addAttribute("top", top);
            model.addAttribute("page", p);
            model.addAttribute("pages", Math.max(1, (top.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        } catch (TonearmException e) {
            model.addAttribute("errors", FormErrors.of(e));
        }
        return "top";
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
