package org.tonearm.web.internal.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonearm.identity.CurrentUser;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.Breakdown;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.TopOrder;

/**
 * The dashboard's card of genres, artist countries and eras (docs/web.md#the-dashboard, issue #13 item 5): loaded
 * by htmx once the dashboard (or a range swap) shows it, for the picker's range, from the stats façade only. Bars are
 * {@code <meter>} elements (no inline style, CSP-safe); only layout is computed here (labels, the bars' scale).
 */
@Controller
class EnrichmentCardController {

    static final int ROWS = 8;

    private final StatsService stats;

    EnrichmentCardController(StatsService stats) {
        this.stats = stats;
    }

    /** One bar: {@code key} as the API names it, {@code label} as the reader sees it. */
    record Row(String key, String label, long plays) {}

    /** One of the three lists: its message key, rows, the longest bar's plays and the plays it cannot place. */
    record Block(String view, String titleKey, List<Row> rows, long max, long unknown) {}

    @GetMapping("/ui/dashboard/enrichment")
    String card(@RequestParam(required = false) String range, @RequestParam(required = false) String year,
            @RequestParam(required = false) String month, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale, Model model) {
        long user = CurrentUser.get().id();
        StatsRange r;
        try {
            r = stats.resolve(user, new RangeForm(range, year, month, from, to).request());
        } catch (TonearmException e) {
            r = stats.resolve(user, RangeRequest.named(RangeForm.DEFAULT)); // as the dashboard shows it
        }
        List<Block> blocks = List.of(
                block("genres", "enrichment.genres", stats.genres(user, r, TopOrder.PLAYS, ROWS, 0), key -> key),
                block("artist-map", "enrichment.countries", stats.artistMap(user, r, TopOrder.PLAYS, ROWS, 0),
                        code -> country(code, locale)),
                block("eras", "enrichment.eras", stats.eras(user, r), decade -> decade + "s"));
        model.addAttribute("blocks", blocks);
        return "stats/enrichment :: loaded";
    }

    private static Block block(String view, String titleKey, Breakdown b, Function<String, String> label) {
        List<Row> rows = new ArrayList<>();
        long max = 0;
        for (Breakdown.Bucket bucket : b.items()) {
            rows.add(new Row(bucket.key(), label.apply(bucket.key()), bucket.plays()));
            max = Math.max(max, bucket.plays());
        }
        return new Block(view, titleKey, rows, Math.max(max, 1), b.unknown().plays());
    }

    /** The country's name in the reader's language (ISO 3166-1 alpha-2 → "United Kingdom", "Royaume-Uni"). */
    private static String country(String code, Locale locale) {
        String name = Locale.of("", code).getDisplayCountry(locale);
        return name == null || name.isBlank() || name.equals(code) ? code : name;
    }
}
