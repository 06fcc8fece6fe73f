package org.tonearm.stats.internal.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonearm.stats.DashboardStats;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Figures;
import org.tonearm.stats.Overview;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.TopOrder;

/**
 * The dashboard's overview, top lists and insights of a range from one summing of every item of both periods
 * ({@link ItemSums}): the overview's unique counts are the sizes of those sums, the top items and their previous ranks
 * are ranked in memory ({@link Ranking}), the insights compare the two periods' artists. Read one by one, the same
 * views summed the range's rows ten times (docs/performance.md "Session 11": 0.55 s on SQLite over 365 days at a
 * million listens; "Session 12" for the rest).
 */
@Component
public class DashboardQuery {

    private final OverviewQuery overview;
    private final TopQuery top;
    private final InsightsQuery insights;
    private final ItemSums sums;

    public DashboardQuery(OverviewQuery overview, TopQuery top, InsightsQuery insights, ItemSums sums) {
        this.overview = overview;
        this.top = top;
        this.insights = insights;
        this.sums = sums;
    }

    public DashboardStats dashboard(long userId, StatsRange range, int topItems, int insightItems, Instant now) {
        List<Slice> periods = OverviewQuery.periods(userId, range);
        Figures[] figures = overview.figures(periods);
        Map<Entity, List<Map<Long, Figures>>> summed = sums.of(periods);
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
