package org.tonearm.web.internal.page;

import java.time.Year;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonearm.identity.CurrentUser;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.Discoveries;
import org.tonearm.stats.Entity;
import org.tonearm.stats.EntityStats;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.Timeline;

/**
 * The stats pages that show one view each: {@code /artist|album|track/{id}}, {@code /discoveries}, {@code /streaks},
 * {@code /year/{year}} (stats façade; docs/api.md#stats-views).
 */
@Controller
class StatsPagesController {

    static final int DISCOVERIES_PAGE = 50;

    private final StatsService stats;

    StatsPagesController(StatsService stats) {
        this.stats = stats;
    }

    @GetMapping({"/artist/{id}", "/album/{id}", "/track/{id}"})
    String entity(@PathVariable long id, @RequestParam(required = false) String range,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            jakarta.servlet.http.HttpServletRequest request, Model model) {
        long user = CurrentUser.get().id();
        String path = request.getRequestURI().substring(1, request.getRequestURI().indexOf('/', 1));
        Entity kind = Entity.valueOf(path.toUpperCase(java.util.Locale.ROOT) + "S");
        RangeForm form = RangeForm.of(range, from, to, "all_time");
        model.addAttribute("form", form);
        model.addAttribute("ranges", RangeForm.NAMED);
        model.addAttribute("kind", path);
        StatsRange r;
        try {
            r = stats.resolve(user, form.request());
        } catch (TonearmException e) {
            model.addAttribute("errors", FormErrors.of(e));
            r = stats.resolve(user, org.tonearm.stats.RangeRequest.named("all_time"));
        }
        EntityStats e = stats.entity(user, r, kind, id);
        model.addAttribute("e", e);
        model.addAttribute("chart", Bars.of(e.timeline()));
        return "entity";
    }

    @GetMapping("/discoveries")
    String discoveries(@RequestParam(defaultValue = "artists") String kind, @RequestParam(required = false) String range,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page, Model model) {
        long user = CurrentUser.get().id();
        Entity entity = TopController.parse(Entity.class, kind, Entity.ARTISTS);
        RangeForm form = RangeForm.of(range, from, to, "this_year");
        int p = Math.max(1, page);
        model.addAttribute("form", form);
        model.addAttribute("ranges", RangeForm.NAMED);
        model.addAttribute("kind", entity.name().toLowerCase(java.util.Locale.ROOT));
        try {
            Discoveries d = stats.discoveries(user, form.request(), entity, DISCOVERIES_PAGE, (p - 1) * DISCOVERIES_PAGE);
            model.addAttribute("d", d);
            model.addAttribute("page", p);
            model.addAttribute("pages", Math.max(1, (d.total() + DISCOVERIES_PAGE - 1) / DISCOVERIES_PAGE));
        } catch (TonearmException e) {
            model.addAttribute("errors", FormErrors.of(e));
        }
        return "discoveries";
    }

    @GetMapping("/streaks")
    String streaks(@RequestParam(required = false) String range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        long user = CurrentUser.get().id();
        RangeForm form = RangeForm.of(range, from, to, "all_time");
        model.addAttribute("form", form);
        model.addAttribute("ranges", RangeForm.NAMED);
        try {
            model.addAttribute("s", stats.streaks(user, form.request()));
        } catch (TonearmException e) {
            model.addAttribute("errors", FormErrors.of(e));
        }
        return "streaks";
    }

    @GetMapping("/year")
    String thisYear() {
        return "redirect:/year/" + Year.now().getValue();
    }

    @GetMapping("/year/{year}")
    String year(@PathVariable int year, Model model) {
        long user = CurrentUser.get().id();
        var y = stats.year(user, year);
        model.addAttribute("y", y);
        // no link to a year that has not begun (the same clock as /year's redirect)
        model.addAttribute("hasNext", year < Year.now().getValue());
        model.addAttribute("chart", Bars.ofMonths(y.months()));
        return "year";
    }

    /** A bar chart drawn as server-side SVG (no script, CSP-safe): one bar per bucket, heights relative to the top. */
    public record Bars(List<Bar> bars, long max, int width) {
        static final int HEIGHT = 120;

        public record Bar(String label, long plays, int x, int y, int w, int h) {}

        /** Bars labelled by day, or by month ("2016-12") when the timeline's step is a month. */
        static Bars of(Timeline t) {
            return build(t.items().stream().map(b -> new Object[] {t.step() == org.tonearm.stats.Step.MONTH
                    ? java.time.YearMonth.from(b.start()).toString() : b.start().toString(), b.figures().plays()})
                    .toList());
        }

        /** The first and the last bar's label, shown under the chart as its time axis. */
        public String firstLabel() {
            return bars.isEmpty() ? "" : bars.get(0).label();
        }

        public String lastLabel() {
            return bars.isEmpty() ? "" : bars.get(bars.size() - 1).label();
        }

        static Bars ofMonths(List<org.tonearm.stats.YearInReview.Month> months) {
            return build(months.stream().map(m -> new Object[] {Integer.toString(m.month()), m.figures().plays()})
                    .toList());
        }

        private static Bars build(List<Object[]> points) {
            long max = points.stream().mapToLong(p -> (Long) p[1]).max().orElse(0);
            int n = Math.max(1, points.size());
            int slot = Math.max(2, 600 / n);
            int width = slot * n;
            java.util.ArrayList<Bar> bars = new java.util.ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                long plays = (Long) points.get(i)[1];
                int h = max == 0 ? 0 : (int) Math.max(plays > 0 ? 1 : 0, plays * HEIGHT / max);
                bars.add(new Bar((String) points.get(i)[0], plays, i * slot, HEIGHT - h, Math.max(1, slot - 1), h));
            }
            return new Bars(bars, max, width);
        }
    }
}
