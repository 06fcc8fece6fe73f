package org.tonearm.stats.internal.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;
import org.tonearm.stats.DashboardStats;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Figures;
import org.tonearm.stats.Overview;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.TopOrder;

/**
 * The dashboard's overview, top lists and insights of a range from two summings, each for both periods: the artists
 * ({@link TopQuery#all}) and the (track, album) pairs ({@link TopQuery#pairs}), which give the tracks and the albums.
 * The overview's unique counts are the sizes of those sums, the top items and their previous ranks are ranked in
 * memory ({@link Ranking}), the insights compare the two periods' artists. Read one by one, the same views summed
 * the range's rows ten times (docs/performance.md "Session 11": 0.55 s on SQLite over 365 days at a million listens).
 */
@Component
public class DashboardQuery {

    private final OverviewQuery overview;
    private final TopQuery top;
    private final InsightsQuery insights;

    public DashboardQuery(OverviewQuery overview, TopQuery top, InsightsQuery insights) {
        this.overview = overview;
        this.top = top;
        this.insights = insights;
    }

    public DashboardStats dashboard(long userId, StatsRange range, int topItems, int insightItems, Instant now) {
        List<Slice> periods = OverviewQuery.periods(userId, range);
        Figures[] figures = overview.figures(periods);
        Map<Entity, List<Map<Long, Figures>>> summed = new EnumMap<>(Entity.class);
        summed.put(Entity.ARTISTS, top.all(periods, Entity.ARTISTS));
        summed.put(Entity.TRACKS, new ArrayList<>());
        summed.put(Entity.ALBUMS, new ArrayList<>());
        for (List<TopQuery.Pair> pairs : top.pairs(periods)) {
            summed.get(Entity.TRACKS).add(played(pairs, TopQuery.Pair::track));
            summed.get(Entity.ALBUMS).add(played(pairs, TopQuery.Pair::album));
        }
        OverviewQuery.Totals current = totals(figures, summed, 0);
        OverviewQuery.Totals before = periods.size() > 1 ? totals(figures, summed, 1) : null;
        Overview o = overview.overview(userId, range, now, current, before);
        return new DashboardStats(o,
                top.first(range, Entity.ARTISTS, TopOrder.PLAYS, topItems, period(summed, Entity.ARTISTS, 0),
                        period(summed, Entity.ARTISTS, 1)),
                top.first(range, Entity.ALBUMS, TopOrder.PLAYS, topItems, period(summed, Entity.ALBUMS, 0),
                        period(summed, Entity.ALBUMS, 1)),
                top.first(range, Entity.TRACKS, TopOrder.PLAYS, topItems, period(summed, Entity.TRACKS, 0),
                        period(summed, Entity.TRACKS, 1)),
                insights.of(range, period(summed, Entity.ARTISTS, 0), period(summed, Entity.ARTISTS, 1), insightItems,
                        now));
    }

    /**
     * The pairs summed per track or per album ({@link TopQuery#pairs}), keeping the items with a play as
     * {@link TopQuery#all} does; album 0 is "no album", never an item.
     */
    private static Map<Long, Figures> played(List<TopQuery.Pair> pairs, ToLongFunction<TopQuery.Pair> item) {
        Map<Long, Figures> summed = new HashMap<>(pairs.size() * 2);
        for (TopQuery.Pair p : pairs) {
            long id = item.applyAsLong(p);
            if (id != 0) {
                summed.merge(id, p.figures(), Figures::plus);
            }
        }
        summed.values().removeIf(f -> f.plays() <= 0);
        return summed;
    }

    /** A period's figures and unique counts: the items with a play that {@link TopQuery#all} summed. */
    private static OverviewQuery.Totals totals(Figures[] figures, Map<Entity, List<Map<Long, Figures>>> summed, int i) {
        return new OverviewQuery.Totals(figures[i], period(summed, Entity.TRACKS, i).size(),
                period(summed, Entity.ARTISTS, i).size(), period(summed, Entity.ALBUMS, i).size());
    }

    private static Map<Long, Figures> period(Map<Entity, List<Map<Long, Figures>>> summed, Entity kind, int i) {
        List<Map<Long, Figures>> both = summed.get(kind);
        return i < both.size() ? both.get(i) : Map.of();
    }
}
