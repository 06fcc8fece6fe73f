package org.tonearm.web.internal.page;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.tonearm.stats.Clock;
import org.tonearm.stats.Heatmap;
import org.tonearm.stats.Timeline;

/**
 * Geometry of the dashboard's server-rendered SVG charts (docs/architecture.md: heatmap and listening clock as SVG,
 * no script needed) and the timeline's series for uPlot. Only arranging what the stats façade returned.
 *
 * <p>Each cell's and wedge's CSS class and tooltip are made here, once, rather than by template expressions per cell:
 * 168 cells and 24 wedges each evaluated a concatenation and a three-argument message in Thymeleaf, the largest
 * part of the dashboard's render (docs/web.md#speed). The tooltip is the same message through the same
 * {@link MessageSource}, so the text is unchanged.
 */
final class Charts {

    private Charts() {}

    /** One heatmap cell: position in the 24 × 7 grid, shade level 0–4 (its CSS classes), plays and tooltip. */
    public record HeatCell(int x, int y, int level, long plays, String day, int hour, String css, String title) {}

    public record HeatRow(int y, String day) {}

    public record Heat(List<HeatCell> cells, List<HeatRow> rows, long max) {}

    static final int CELL = 18;
    static final int HEAT_LEFT = 40;
    static final int HEAT_TOP = 18;

    static Heat heatmap(Heatmap h, Locale locale, MessageSource messages) {
        long max = h.items().stream().mapToLong(Heatmap.Cell::plays).max().orElse(0);
        List<HeatCell> cells = new ArrayList<>();
        List<HeatRow> rows = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (Heatmap.Cell c : h.items()) {
            if (!order.contains(c.weekday())) {
                order.add(c.weekday());
            }
        }
        for (Heatmap.Cell c : h.items()) {
            int row = order.indexOf(c.weekday());
            String day = DayOfWeek.of(c.weekday()).getDisplayName(TextStyle.SHORT, locale);
            int level = level(c.plays(), max);
            cells.add(new HeatCell(HEAT_LEFT + c.hour() * CELL, HEAT_TOP + row * CELL, level, c.plays(), day, c.hour(),
                    "heat heat-" + level, messages.getMessage("dashboard.heatCell",
                            new Object[] {day, c.hour(), c.plays()}, locale)));
        }
        for (int i = 0; i < order.size(); i++) {
            rows.add(new HeatRow(HEAT_TOP + i * CELL + CELL - 5,
                    DayOfWeek.of(order.get(i)).getDisplayName(TextStyle.SHORT, locale)));
        }
        return new Heat(cells, rows, max);
    }

    private static int level(long plays, long max) {
        if (plays == 0 || max == 0) {
            return 0;
        }
        return (int) Math.max(1, Math.ceil(4.0 * plays / max));
    }

    /** One hour of the listening clock: a wedge from the centre whose length follows the hour's plays; its tooltip. */
    public record ClockWedge(int hour, long plays, String path, String title) {}

    static final double CLOCK_R = 90;
    static final double CLOCK_C = 110;

    static List<ClockWedge> clock(Clock clock, Locale locale, MessageSource messages) {
        long max = clock.items().stream().mapToLong(Clock.Hour::plays).max().orElse(0);
        List<ClockWedge> wedges = new ArrayList<>();
        for (Clock.Hour h : clock.items()) {
            double r = max == 0 ? 0 : 8 + (CLOCK_R - 8) * h.plays() / max;
            // hour 0 at the top, clockwise; a small gap between wedges
            double a0 = Math.toRadians(h.hour() * 15 - 90 + 1);
            double a1 = Math.toRadians(h.hour() * 15 + 15 - 90 - 1);
            String path = h.plays() == 0 ? "" : String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1fA%.1f %.1f 0 0 1 %.1f %.1fZ",
                    CLOCK_C, CLOCK_C, CLOCK_C + r * Math.cos(a0), CLOCK_C + r * Math.sin(a0), r, r,
                    CLOCK_C + r * Math.cos(a1), CLOCK_C + r * Math.sin(a1));
            wedges.add(new ClockWedge(h.hour(), h.plays(), path,
                    messages.getMessage("dashboard.clockHour", new Object[] {h.hour(), h.plays()}, locale)));
        }
        return wedges;
    }

    /** uPlot's columns: bucket starts (epoch seconds at local midnight) and plays, as JSON arrays. */
    public record Series(String xs, String ys, String labels) {}

    static Series timeline(Timeline t) {
        StringBuilder xs = new StringBuilder("[");
        StringBuilder ys = new StringBuilder("[");
        StringBuilder labels = new StringBuilder("[");
        for (Timeline.Bucket b : t.items()) {
            if (xs.length() > 1) {
                xs.append(',');
                ys.append(',');
                labels.append(',');
            }
            xs.append(b.start().atStartOfDay(t.range().zone()).toEpochSecond());
            ys.append(b.figures().plays());
            labels.append('"').append(b.start()).append('"');
        }
        return new Series(xs.append(']').toString(), ys.append(']').toString(), labels.append(']').toString());
    }

}
