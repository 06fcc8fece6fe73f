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
 */
public record Slice(long userId, int firstDay, int endDay, List<long[]> edges) {

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

    public boolean hasWholeDays() {
        return endDay > firstDay;
    }

    private static long midnight(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
