package org.tonearm.stats.internal.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.tonearm.stats.StatsRange;

/**
 * How a view reads {@code [from, to)}: the whole local days inside it come from the rollups
 * ({@code [firstDay, endDay)} as epoch days), the partial days at its edges from the raw listens ({@code edges},
 * instant intervals in epoch ms). A day is whole when both its midnights lie inside the range.
 *
 * <p>{@code outside} (null unless the slice covers the whole history): the instant interval {@code [from, to)} of the
 * range, for sources that read the all-time rollup and subtract the raw listens outside it (before the first day of
 * all_time there are none; after now only listens stamped in the future). Sources that read per-day rows ignore it.
 */
public record Slice(long userId, int firstDay, int endDay, List<long[]> edges, long[] outside) {

    public Slice(long userId, int firstDay, int endDay, List<long[]> edges) {
        this(userId, firstDay, endDay, edges, null);
    }

    /** The slice of a range's own period; all_time also reads the all-time rollup. */
    public static Slice of(long userId, StatsRange range) {
        return range.name().equals("all_time") ? whole(userId, range.from(), range.to(), range.zone())
                : of(userId, range.period(), range.zone());
    }

    /** A range expected to hold (nearly) every listen of the user: sources may read the all-time rollup. */
    public static Slice whole(long userId, Instant from, Instant to, ZoneId zone) {
        Slice s = of(userId, from, to, zone);
        if (!ROLLUPS || to.toEpochMilli() <= from.toEpochMilli()) {
            return s;
        }
        return new Slice(userId, s.firstDay, s.endDay, s.edges,
                new long[] {from.toEpochMilli(), to.toEpochMilli()});
    }

    public boolean wholeHistory() {
        return outside != null;
    }

    /** Off: every view reads raw listens (a switch to compare with; the rollups are maintained either way). */
    static final boolean ROLLUPS = true;

    public static Slice of(long userId, StatsRange.Period period, ZoneId zone) {
        return of(userId, period.from(), period.to(), zone);
    }

    public static Slice of(long userId, Instant from, Instant to, ZoneId zone) {
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        if (t <= f) {
            return new Slice(userId, 0, 0, List.of());
        }
        if (!ROLLUPS) {
            return raw(userId, from, to);
        }
        LocalDate firstLocal = LocalDate.ofInstant(from, zone);
        LocalDate first = midnight(firstLocal, zone) < f ? firstLocal.plusDays(1) : firstLocal;
        LocalDate lastLocal = LocalDate.ofInstant(to, zone); // the day whose midnight may be the end
        LocalDate end = lastLocal;
        List<long[]> edges = new ArrayList<>(2);
        if (!first.isBefore(end)) {
            edges.add(new long[] {f, t}); // no whole day inside: all raw
            return new Slice(userId, 0, 0, edges);
        }
        long firstMidnight = midnight(first, zone);
        if (firstMidnight > f) {
            edges.add(new long[] {f, firstMidnight});
        }
        long endMidnight = midnight(end, zone);
        if (endMidnight < t) {
            edges.add(new long[] {endMidnight, t});
        }
        return new Slice(userId, (int) first.toEpochDay(), (int) end.toEpochDay(), List.copyOf(edges));
    }

    /** Everything from the raw listens: what the rollups are checked against. */
    public static Slice raw(long userId, Instant from, Instant to) {
        return new Slice(userId, 0, 0, List.of(new long[] {from.toEpochMilli(), to.toEpochMilli()}));
    }

    /**
     * What of this slice decides the SQL over it ({@link Rendered}): whole days or not (and more than two months of
     * them or not), the number of raw edges, an all-time range or not.
     */
    public String shape() {
        return (hasWholeDays() ? longSpan() ? "D" : "d" : "-") + edges.size() + (outside != null ? "o" : "-");
    }

    /** More than two months of whole days: queries may fold per-day rows differently (TopQuery.perTrackFirst). */
    public boolean longSpan() {
        return endDay - firstDay > 62;
    }

    /** Its values in the order {@link #withValues} reads them back. */
    void values(List<Object> out) {
        out.add(userId);
        if (hasWholeDays()) {
            out.add(firstDay);
            out.add(endDay);
        }
        for (long[] e : edges) {
            out.add(e[0]);
            out.add(e[1]);
        }
        if (outside != null) {
            out.add(outside[0]);
            out.add(outside[1]);
        }
    }

    /** A slice of this one's shape with the values of {@code in} (its next entries, as {@link #values} wrote them). */
    Slice withValues(java.util.Iterator<Object> in) {
        long user = (Long) in.next();
        int first = hasWholeDays() ? (Integer) in.next() : firstDay;
        int end = hasWholeDays() ? (Integer) in.next() : endDay;
        List<long[]> e = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            e.add(new long[] {(Long) in.next(), (Long) in.next()});
        }
        long[] out = outside == null ? null : new long[] {(Long) in.next(), (Long) in.next()};
        return new Slice(user, first, end, e, out);
    }

    public boolean hasWholeDays() {
        return endDay > firstDay;
    }

    private static long midnight(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
