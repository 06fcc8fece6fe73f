package org.tonearm.web.internal.page;

import java.util.List;
import org.tonearm.stats.Change;
import org.tonearm.stats.Overview;

/**
 * One figure of the dashboard's overview as a card shows it: the message key of its label, the value already
 * formatted by the template ({@code kind}: {@code count} or {@code duration}), and its change against the previous
 * period in percent (null: no previous value, or all_time).
 */
public record OverviewCard(String labelKey, long value, String kind, Double changePercent) {

    static List<OverviewCard> of(Overview o) {
        return List.of(
                new OverviewCard("overview.plays", o.figures().plays(), "count", percent(o, "plays")),
                new OverviewCard("overview.time", o.figures().listeningTimeMs(), "duration", percent(o, "listening_time_ms")),
                new OverviewCard("overview.artists", o.uniqueArtists(), "count", percent(o, "unique_artists")),
                new OverviewCard("overview.tracks", o.uniqueTracks(), "count", percent(o, "unique_tracks")));
    }

    private static Double percent(Overview o, String figure) {
        Change c = o.changes() == null ? null : o.changes().get(figure);
        return c == null ? null : c.percent();
    }

    public boolean up() {
        return changePercent != null && changePercent > 0;
    }

    public boolean down() {
        return changePercent != null && changePercent < 0;
    }

    /** The change rounded to a whole percent with its sign ("+34", "−12", "0"). */
    public String signedPercent() {
        long rounded = Math.round(changePercent);
        return rounded > 0 ? "+" + rounded : rounded < 0 ? "\u2212" + (-rounded) : "0";
    }

    /** Hours and minutes of a duration card. */
    public long hours() {
        return value / 3_600_000;
    }

    public long minutes() {
        return value / 60_000 % 60;
    }
}
