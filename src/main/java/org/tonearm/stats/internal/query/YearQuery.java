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

    private final TopQuery top;
    private final ItemSums sums;
    private final TimelineQuery timeline;
    private final StreaksQuery streaks;
    private final DiscoveriesQuery discoveries;

    public YearQuery(TopQuery top, ItemSums sums, TimelineQuery timeline, StreaksQuery streaks,
            DiscoveriesQuery discoveries) {
        this.top = top;
        this.sums = sums;
        this.timeline = timeline;
        this.streaks = streaks;
        this.discoveries = discoveries;
    }

    /**
     * The year's items summed once ({@link ItemSums}) for its three top fives, its days once for the totals (their
     * sum), the top day and the months, and every month's tracks in one statement for each month's most-played one:
     * three statements where the year's and twelve months' rankings took sixteen (docs/performance.md "Session 12").
     */
    public YearInReview year(long userId, int year, StatsRange range, Instant now) {
        Slice slice = Slice.of(userId, range.period(), range.zone());
        Map<Integer, Figures> byDay = timeline.byDay(slice);
        Figures figures = byDay.values().stream().reduce(Figures.ZERO, Figures::plus);
        Map<Entity, List<Map<Long, Figures>>> summed = sums.of(List.of(slice));
        List<TopItem> artists = top.first(Entity.ARTISTS, TopOrder.PLAYS, 5, summed.get(Entity.ARTISTS).get(0));
        List<TopItem> albums = top.first(Entity.ALBUMS, TopOrder.PLAYS, 5, summed.get(Entity.ALBUMS).get(0));
        List<TopItem> tracks = top.first(Entity.TRACKS, TopOrder.PLAYS, 5, summed.get(Entity.TRACKS).get(0));
        YearInReview.TopDay topDay = byDay.entrySet().stream().filter(e -> e.getValue().plays() > 0)
                .min((a, b) -> a.getValue().plays() != b.getValue().plays()
                        ? Long.compare(b.getValue().plays(), a.getValue().plays())
                        : Integer.compare(a.getKey(), b.getKey()))
                .map(e -> new YearInReview.TopDay(LocalDate.ofEpochDay(e.getKey()), e.getValue().plays()))
                .orElse(null);
        Discoveries found = discoveries.discoveries(userId, range, Entity.ARTISTS, 10, 0, now);
        Figures[] perMonth = new Figures[12];
        List<Slice> played = new ArrayList<>(12); // the months with a play, whose most-played track is shown
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            Figures sum = Figures.ZERO;
            for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
                Figures f = byDay.get((int) d.toEpochDay());
                sum = f == null ? sum : sum.plus(f);
            }
            perMonth[m - 1] = sum;
            if (sum.plays() > 0) {
                played.add(Slice.of(userId, ym.atDay(1).atStartOfDay(range.zone()).toInstant(),
                        ym.plusMonths(1).atDay(1).atStartOfDay(range.zone()).toInstant(), range.zone()));
            }
        }
        List<TopItem> best = played.isEmpty() ? List.of()
                : top.firstOfEach(Entity.TRACKS, TopOrder.PLAYS, top.all(played, Entity.TRACKS));
        List<YearInReview.Month> months = new ArrayList<>(12);
        int next = 0;
        for (int m = 1; m <= 12; m++) {
            months.add(new YearInReview.Month(m, perMonth[m - 1], perMonth[m - 1].plays() > 0 ? best.get(next++) : null));
        }
        return new YearInReview(year, range, now, figures, artists, albums, tracks, topDay, found.total(),
                found.items(), streaks.longest(userId, range), months);
    }
}
