package org.tonearm.stats.internal.query;


import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonearm.stats.Discoveries;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Figures;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.TopItem;
import org.tonearm.stats.TopOrder;
import org.tonearm.stats.YearInReview;

/**
 * docs/api.md#statistics year in review: totals, top five artists/albums/tracks, the day with most plays (earliest of equal days),
 * artists discovered that year, the longest streak, and month by month with each month's most-played track.
 */
@Component
public class YearQuery {

    private final OverviewQuery overview;
    private final TopQuery top;
    private final TimelineQuery timeline;
    private final StreaksQuery streaks;
    private final DiscoveriesQuery discoveries;

    public YearQuery(OverviewQuery overview, TopQuery top, TimelineQuery timeline, StreaksQuery streaks,
            DiscoveriesQuery discoveries) {
        this.overview = overview;
        this.top = top;
        this.timeline = timeline;
        this.streaks = streaks;
        this.discoveries = discoveries;
    }

    public YearInReview year(long userId, int year, StatsRange range, Instant now) {
        Slice slice = Slice.of(userId, range.period(), range.zone());
        Figures figures = overview.totals(userId, slice).figures();
        List<TopItem> artists = top.top(userId, slice, Entity.ARTISTS, TopOrder.PLAYS, 5, Sources.Narrowing.NONE);
        List<TopItem> albums = top.top(userId, slice, Entity.ALBUMS, TopOrder.PLAYS, 5, Sources.Narrowing.NONE);
        List<TopItem> tracks = top.top(userId, slice, Entity.TRACKS, TopOrder.PLAYS, 5, Sources.Narrowing.NONE);
        Map<Integer, Figures> byDay = timeline.byDay(slice);
        YearInReview.TopDay topDay = byDay.entrySet().stream().filter(e -> e.getValue().plays() > 0)
                .min((a, b) -> a.getValue().plays() != b.getValue().plays()
                        ? Long.compare(b.getValue().plays(), a.getValue().plays())
                        : Integer.compare(a.getKey(), b.getKey()))
                .map(e -> new YearInReview.TopDay(LocalDate.ofEpochDay(e.getKey()), e.getValue().plays()))
                .orElse(null);
        Discoveries found = discoveries.discoveries(userId, range, Entity.ARTISTS, 10, 0, now);
        List<YearInReview.Month> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            Figures sum = Figures.ZERO;
            for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
                Figures f = byDay.get((int) d.toEpochDay());
                sum = f == null ? sum : sum.plus(f);
            }
            TopItem best = null;
            if (sum.plays() > 0) {
                Slice month = Slice.of(userId, ym.atDay(1).atStartOfDay(range.zone()).toInstant(),
                        ym.plusMonths(1).atDay(1).atStartOfDay(range.zone()).toInstant(), range.zone());
                best = top.top(userId, month, Entity.TRACKS, TopOrder.PLAYS, 1, Sources.Narrowing.NONE).get(0);
            }
            months.add(new YearInReview.Month(m, sum, best));
        }
        return new YearInReview(year, range, now, figures, artists, albums, tracks, topDay, found.total(),
                found.items(), streaks.longest(userId, range), months);
    }
}
