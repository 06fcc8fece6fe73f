package org.tonearm.stats.internal.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Figures;
import org.tonearm.stats.Insights;
import org.tonearm.stats.StatsRange;

/**
 * The artists whose plays changed the most against the previous period: risers by the largest gain, fallers by the
 * largest loss, ties by id; nothing for all_time (it has no previous period, docs/api.md#statistics).
 */
@Component
public class InsightsQuery {

    private final TopQuery top;
    private final Names names;

    public InsightsQuery(TopQuery top, Names names) {
        this.top = top;
        this.names = names;
    }

    public Insights insights(long userId, StatsRange range, int limit, Instant now) {
        if (range.previous() == null) {
            return new Insights(range, now, List.of(), List.of());
        }
        // both periods in one statement (docs/performance.md "Statistics: one call per view")
        List<Map<Long, Figures>> both = top.all(List.of(Slice.of(userId, range),
                Slice.of(userId, range.previous(), range.zone())), Entity.ARTISTS);
        return of(range, both.get(0), both.get(1), limit, now);
    }

    /** The insights of a range from its artists' and the previous period's artists' summed figures. */
    public Insights of(StatsRange range, Map<Long, Figures> current, Map<Long, Figures> before, int limit,
            Instant now) {
        if (range.previous() == null) {
            return new Insights(range, now, List.of(), List.of());
        }
        Set<Long> ids = new HashSet<>(current.keySet());
        ids.addAll(before.keySet());
        List<long[]> deltas = new ArrayList<>(); // id, now, before
        for (long id : ids) {
            long a = current.getOrDefault(id, Figures.ZERO).plays();
            long b = before.getOrDefault(id, Figures.ZERO).plays();
            if (a != b) {
                deltas.add(new long[] {id, a, b});
            }
        }
        List<long[]> risers = deltas.stream().filter(d -> d[1] > d[2])
                .sorted(Comparator.<long[]>comparingLong(d -> d[2] - d[1]).thenComparingLong(d -> d[0]))
                .limit(limit).toList();
        List<long[]> fallers = deltas.stream().filter(d -> d[1] < d[2])
                .sorted(Comparator.<long[]>comparingLong(d -> d[1] - d[2]).thenComparingLong(d -> d[0]))
                .limit(limit).toList();
        Set<Long> shown = new HashSet<>();
        risers.forEach(d -> shown.add(d[0]));
        fallers.forEach(d -> shown.add(d[0]));
        Map<Long, Names.Named> named = names.of(Entity.ARTISTS, shown);
        return new Insights(range, now, movers(risers, named), movers(fallers, named));
    }

    private static List<Insights.Mover> movers(List<long[]> rows, Map<Long, Names.Named> named) {
        return rows.stream().map(d -> new Insights.Mover(d[0], named.containsKey(d[0]) ? named.get(d[0]).name() : null,
                d[1], d[2], d[1] - d[2], d[2] == 0 ? null : (d[1] - d[2]) * 100.0 / d[2])).toList();
    }
}
