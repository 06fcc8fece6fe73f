package org.tonearm.web.internal.page;

import java.util.List;
import org.tonearm.stats.RangeRequest;

/**
 * The range picker of the stats pages: one of the stats API's named ranges or custom dates (docs/api.md: {@code range},
 * or {@code from}/{@code to} as local dates, both included). Blank custom dates fall back to the named range.
 */
public record RangeForm(String range, String from, String to) {

    static final List<String> NAMED = List.of("today", "yesterday", "this_week", "last_week", "this_month",
            "last_month", "this_year", "last_year", "7d", "30d", "90d", "180d", "365d", "all_time");

    static RangeForm of(String range, String from, String to, String fallback) {
        String r = range == null || range.isBlank() ? fallback : range;
        return new RangeForm(r, blankToNull(from), blankToNull(to));
    }

    public boolean custom() {
        return "custom".equals(range) || from != null || to != null;
    }

    RangeRequest request() {
        return custom() ? new RangeRequest(null, null, null, from, to) : RangeRequest.named(range);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
