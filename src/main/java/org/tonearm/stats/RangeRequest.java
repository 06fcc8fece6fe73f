package org.tonearm.stats;

/**
 * Range parameters as received (docs/api.md#statistics), validated by {@link StatsService#resolve}: at most one of {@code range},
 * {@code year}, {@code month} or the pair {@code from}/{@code to}. All null means {@code all_time}.
 *
 * @param range {@code today}, {@code yesterday}, {@code this_week}, {@code last_week}, {@code this_month},
 *              {@code last_month}, {@code this_year}, {@code last_year}, {@code 7d}, {@code 30d}, {@code 90d},
 *              {@code 180d}, {@code 365d} or {@code all_time}
 * @param year  {@code YYYY}
 * @param month {@code YYYY-MM}
 * @param from  a date {@code YYYY-MM-DD} (that whole local day), an ISO-8601 instant or epoch seconds
 * @param to    a date (that whole local day included), an instant (excluded) or epoch seconds
 */
public record RangeRequest(String range, String year, String month, String from, String to) {

    public static RangeRequest named(String range) {
        return new RangeRequest(range, null, null, null, null);
    }

    public static RangeRequest ofYear(int year) {
        return new RangeRequest(null, Integer.toString(year), null, null, null);
    }
}
