package org.tonearm.stats.internal.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;
import org.tonearm.stats.DashboardStats;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Figures;
import org.tonearm.stats.Overview;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.TopOrder;

/**
 * The dashboard's overview, top lists and insights of a range from the (track, album) pairs of both periods summed
 * once ({@link TopQuery#pairs}), which give the tracks and the albums, and over long ranges the artists too through
 * the tracks' credits ({@link Credits}); over short ranges the artists are one more summing ({@link TopQuery#all}).
 * The overview's unique counts are the sizes of those sums, the top items and their previous ranks are ranked in
 * memory ({@link Ranking}), the insights compare the two periods' artists. Read one by one, the same views summed
 * the range's rows ten times (docs/performance.md "Session 11": 0.55 s on SQLite over 365 days at a million listens).
 */
@Component
public class DashboardQuery {

    private final OverviewQuery overview;
    private final TopQuery top;
    private final InsightsQuery insights;
    private final Credits credits;

    public DashboardQuery(OverviewQuery overview, TopQuery top, InsightsQuery insights, Credits credits) {
        this.overview = overview;
        this.top = top;
        this.insights = insights;
        this.credits = credits;
    }

    public DashboardStats dashboard(long userId, StatsRange range, int topItems, int insightItems, Instant now) {
        List<Slice> periods = OverviewQuery.periods(userId, range);
        Figures[] figures = overview.figures(periods);
        Map<Entity, List<Map<Long, Figures>>> summed = new EnumMap<>(Entity.class);
        List<List<TopQuery.Pair>> pairs = top.pairs(periods);
        List<Map<Long, Figures>> tracks = pairs.stream().map(p -> sum(p, TopQuery.Pair::track)).toList();
        // the artists first: they need every track's figures, skips-only tracks included
        summed.put(Entity.ARTISTS, artistsFromTracks(periods.get(0)) ? artists(userId, tracks)
                : top.all(periods, Entity.ARTISTS));
        summed.put(Entity.TRACKS, tracks.stream().map(DashboardQuery::played).toList());
        summed.put(Entity.ALBUMS, pairs.stream().map(p -> played(sum(p, TopQuery.Pair::album))).toList());
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
     * Whether the artists are summed from the tracks' figures and credits in memory rather than by a join of the
     * range's rows with {@code track_artists} in SQL: over long ranges and the whole history, where the join costs
     * more than reading every credit of the user's tracks (SQLite, 365 days at a million listens: 50 ms per period
     * against 18 ms once); over short ranges the join reads a few thousand rows (1–2 ms).
     */
    private static boolean artistsFromTracks(Slice current) {
        return current.wholeHistory() || current.longSpan();
    }

    /**
     * Each period's artists: every track's figures (skips-only tracks too, whose skips count in an artist's skip
     * rate) added to each artist that a credit of the track names, then the artists with a play — as
     * {@link TopQuery#all} sums the join of the rows with {@code track_artists}.
     */
    private List<Map<Long, Figures>> artists(long userId, List<Map<Long, Figures>> perTrack) {
        Set<Long> tracks = new HashSet<>();
        perTrack.forEach(m -> tracks.addAll(m.keySet()));
        Map<Long, long[]> credited = credits.of(userId, tracks);
        List<Map<Long, Figures>> out = new ArrayList<>(perTrack.size());
        for (Map<Long, Figures> period : perTrack) {
            Map<Long, Figures> artists = new HashMap<>();
            period.forEach((track, figures) -> {
                for (long artist : credited.getOrDefault(track, NO_CREDITS)) {
                    artists.merge(artist, figures, Figures::plus);
                }
            });
            out.add(played(artists));
        }
        return out;
    }

    private static final long[] NO_CREDITS = {};

    /** Pairs summed per track or per album (album 0 is "no album", never an item), skips-only items included. */
    private static Map<Long, Figures> sum(List<TopQuery.Pair> pairs, ToLongFunction<TopQuery.Pair> item) {
        Map<Long, Figures> summed = new HashMap<>(pairs.size() * 2);
        for (TopQuery.Pair p : pairs) {
            long id = item.applyAsLong(p);
            if (id != 0) {
                summed.merge(id, p.figures(), Figures::plus);
            }
        }
        return summed;
    }

    /** The items with a play, as {@link TopQuery#all} keeps them (skips alone never rank); in place. */
    private static Map<Long, Figures> played(Map<Long, Figures> summed) {
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
