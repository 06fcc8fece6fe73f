package org.tonearm.web.internal.page;

import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;
import org.tonearm.stats.RangeRequest;

/**
 * The dashboard's range picker as submitted (a plain GET form, also sent by htmx): {@code range} is one of the stats
 * API's named ranges (docs/api.md#statistics) or {@code year}, {@code month}, {@code custom}, which take their value
 * from {@code year}, {@code month} or {@code from}/{@code to}. A bare {@code ?year=2024} (the API's own form) works
 * too. Blank fields are absent, since a form submits every field. The other stats pages (top lists, discoveries, year)
 * build theirs with {@link #of}: a named range or custom dates, where filled-in dates win.
 */
public record RangeForm(String range, String year, String month, String from, String to) {

    static final String DEFAULT = "this_month";

    /** The named ranges of the stats API, in the picker's order. */
    static final List<String> NAMED = List.of("today", "yesterday", "this_week", "last_week", "this_month",
            "last_month", "this_year", "last_year", "7d", "30d", "90d", "180d", "365d", "all_time");

    public RangeForm {
        range = blank(range);
        year = blank(year);
        month = blank(month);
        from = blank(from);
        to = blank(to);
        if (range == null) {
            range = year != null ? "year" : month != null ? "month" : from != null || to != null ? "custom" : DEFAULT;
        }
    }

    /** A stats page's picker: filled-in dates win over the named range; nothing chosen gives {@code fallback}. */
    static RangeForm of(String range, String from, String to, String fallback) {
        String f = blank(from);
        String t = blank(to);
        if (f != null || t != null) {
            return new RangeForm("custom", null, null, f, t);
        }
        String r = blank(range);
        return new RangeForm(r == null || r.equals("custom") ? fallback : r, null, null, null, null);
    }

    public boolean custom() {
        return "custom".equals(range);
    }

    RangeRequest request() {
        return switch (range) {
            case "year" -> new RangeRequest(null, year == null ? "" : year, null, null, null);
            case "month" -> new RangeRequest(null, null, month == null ? "" : month, null, null);
            case "custom" -> new RangeRequest(null, null, null, from == null ? "" : from, to == null ? "" : to);
            default -> RangeRequest.named(range);
        };
    }

    /** The query string of this range, as the URL that shares it ({@code ?range=…}). */
    String query() {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance().queryParam("range", range);
        switch (range) {
            case "year" -> b.queryParam("year", year);
            case "month" -> b.queryParam("month", month);
            case "custom" -> b.queryParam("from", from).queryParam("to", to);
            default -> { }
        }
        return b.encode().build().toUriString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
