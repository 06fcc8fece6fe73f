package org.tonearm.compat.listenbrainz;

import static org.tonearm.compat.listenbrainz.ListenBrainzApiException.badRequest;

import java.time.LocalDate;
import java.util.function.Function;
import org.tonearm.stats.RangeRequest;

/**
 * The query parameters of the statistics endpoints, checked like stats_api.py: {@code range} one of
 * ALLOWED_STATISTICS_RANGE (400 "Invalid range: …"), {@code count} and {@code offset} non-negative integers
 * (api_tools.py {@code get_non_negative_param}: 400 "'count' should be a non-negative integer"), {@code count}
 * capped at MAX_ITEMS_PER_GET.
 */
record ListenBrainzStatsQuery(ListenBrainzStatsRange range, int count, int offset) {

    static ListenBrainzStatsQuery parse(Function<String, String> params) {
        String rangeParam = params.apply("range");
        ListenBrainzStatsRange range = ListenBrainzStatsRange.parse(rangeParam)
                .orElseThrow(() -> badRequest("Invalid range: " + rangeParam));
        int offset = nonNegative(params.apply("offset"), "offset", 0);
        int count = Math.min(nonNegative(params.apply("count"), "count", ListenBrainzController.DEFAULT_ITEMS_PER_GET),
                ListenBrainzController.MAX_ITEMS_PER_GET);
        return new ListenBrainzStatsQuery(range, count, offset);
    }

    /** Only {@code range} matters (listening-activity, daily-activity). */
    static ListenBrainzStatsRange rangeOnly(Function<String, String> params) {
        String rangeParam = params.apply("range");
        return ListenBrainzStatsRange.parse(rangeParam).orElseThrow(() -> badRequest("Invalid range: " + rangeParam));
    }

    /** The native range request for a ListenBrainz range, {@code today} being the user's local date. */
    static RangeRequest nativeRange(ListenBrainzStatsRange range, LocalDate today) {
        return range.nativeName().map(RangeRequest::named).orElseGet(() -> {
            ListenBrainzStatsRange.Days days = range.days(today).orElseThrow();
            return new RangeRequest(null, null, null, days.first().toString(), days.last().toString());
        });
    }

    /** Python's int(): surrounding whitespace and a sign are accepted; anything else is refused. */
    private static int nonNegative(String value, String name, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 0) {
                return (int) Math.min(n, Integer.MAX_VALUE);
            }
        } catch (NumberFormatException e) {
            // reported below, as ListenBrainz does for both cases
        }
        throw badRequest("'" + name + "' should be a non-negative integer");
    }
}
