package org.tonearm.web.internal.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.tonearm.listens.NowPlaying;
import org.tonearm.listens.NowPlayingService;
import org.tonearm.listens.ListenHistory;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.DashboardStats;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Insights;
import org.tonearm.stats.Overview;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.Step;
import org.tonearm.stats.Timeline;
import org.tonearm.stats.TopOrder;

/**
 * Fills the dashboard's model (docs/web.md#the-dashboard) from the stats and listens façades: one call per view (the
 * overview, top lists and insights in one, {@code StatsService.dashboard}), nothing computed here but layout (chart
 * geometry, sentence arguments).
 */
@Component
class DashboardView {

    static final int TOP = 5;
    static final int RECENT = 8;
    static final int INSIGHTS = 3;

    private final StatsService stats;
    private final NowPlayingService nowPlaying;
    private final ListenHistory recent;
    private final MessageSource messages;

    DashboardView(StatsService stats, NowPlayingService nowPlaying, ListenHistory recent, MessageSource messages) {
        this.stats = stats;
        this.nowPlaying = nowPlaying;
        this.recent = recent;
        this.messages = messages;
    }

    /** A sentence of the insights block: its message key and arguments. */
    public record Sentence(String key, Object[] args) {}

    public record RecentRow(String track, String artist, String album, String when, String iso) {}

    /** The range view: overview, top lists, timeline, heatmap, clock, streaks, insights. */
    void range(long user, RangeForm form, Locale locale, Model model) {
        StatsRange range = resolve(user, form, locale, model);
        // overview, top lists and insights in one call: they sum the same rows (DashboardStats)
        DashboardStats d = stats.dashboard(user, range, TOP, INSIGHTS);
        overview(d.overview(), model);
        model.addAttribute("topArtists", d.topArtists());
        model.addAttribute("topAlbums", d.topAlbums());
        model.addAttribute("topTracks", d.topTracks());
        Step step = step(range);
        Timeline timeline = stats.timeline(user, range, step);
        model.addAttribute("step", step.name().toLowerCase(Locale.ROOT));
        model.addAttribute("series", Charts.timeline(timeline));
        model.addAttribute("timelineTotal", timeline.items().stream().mapToLong(b -> b.figures().plays()).sum());
        model.addAttribute("heat", Charts.heatmap(stats.heatmap(user, range), locale, messages));
        model.addAttribute("clock", Charts.clock(stats.clock(user, range), locale, messages));
        model.addAttribute("streaks", stats.streaks(user, range));
        model.addAttribute("insights", sentences(d.insights(), form));
    }

    /** The range of the form (an invalid one: the API's message and the default range), and the picker's model. */
    StatsRange resolve(long user, RangeForm form, Locale locale, Model model) {
        StatsRange range;
        try {
            range = stats.resolve(user, form.request());
        } catch (TonearmException e) {
            // an invalid custom range: say so in the picker and show the default range
            model.addAttribute("rangeError", e.getMessage());
            form = new RangeForm(RangeForm.DEFAULT, null, null, null, null);
            range = stats.resolve(user, form.request());
        }
        model.addAttribute("form", form);
        // the live fragments (overview, top) fetch the same range again
        model.addAttribute("rangeQuery", form.query());
        model.addAttribute("named", RangeForm.NAMED);
        model.addAttribute("range", range);
        model.addAttribute("rangeLabel", rangeLabel(form, range, locale));
        return range;
    }

    /** The overview cards with their change against the previous period. */
    void overview(long user, StatsRange range, Model model) {
        overview(stats.overview(user, range), model);
    }

    private static void overview(Overview overview, Model model) {
        model.addAttribute("overview", overview);
        model.addAttribute("cards", OverviewCard.of(overview));
    }

    /** The top five artists, albums and tracks. */
    void top(long user, StatsRange range, Model model) {
        model.addAttribute("topArtists", stats.top(user, range, Entity.ARTISTS, TopOrder.PLAYS, TOP, 0).items());
        model.addAttribute("topAlbums", stats.top(user, range, Entity.ALBUMS, TopOrder.PLAYS, TOP, 0).items());
        model.addAttribute("topTracks", stats.top(user, range, Entity.TRACKS, TopOrder.PLAYS, TOP, 0).items());
    }

    /** Now playing and the latest listens, the blocks the live stream refreshes. */
    void live(long user, Locale locale, Model model) {
        ZoneId zone = stats.resolve(user, RangeRequest.named("today")).zone();
        Optional<NowPlaying> np = nowPlaying.current(user);
        model.addAttribute("nowPlaying", np.orElse(null));
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        List<RecentRow> rows = recent.page(user, null, null, RECENT, 0).stream()
                .map(e -> new RecentRow(e.track(), e.artist(), e.album(), f.format(Instant.ofEpochMilli(e.listenedAtMs())),
                        Instant.ofEpochMilli(e.listenedAtMs()).toString()))
                .toList();
        model.addAttribute("recent", rows);
    }

    /**
     * Timeline buckets small enough to show a shape, few enough to stay readable: days up to three months, weeks up
     * to two years, months beyond (the stats API zero-fills each step).
     */
    static Step step(StatsRange range) {
        long days = Duration.between(range.from(), range.to()).toDays();
        return days <= 92 ? Step.DAY : days <= 731 ? Step.WEEK : Step.MONTH;
    }

    private static String[] rangeLabel(RangeForm form, StatsRange range, Locale locale) {
        return switch (form.range()) {
            case "year" -> new String[] {"dashboard.range.year", form.year()};
            case "month" -> new String[] {"dashboard.range.month", form.month()};
            case "custom" -> new String[] {"dashboard.range.custom",
                    range.from().atZone(range.zone()).toLocalDate() + " – "
                            + range.to().minusMillis(1).atZone(range.zone()).toLocalDate()};
            default -> new String[] {"dashboard.range." + form.range(), ""};
        };
    }

    /** "You played 34 % more Radiohead than last month" (docs/web.md#the-dashboard): risers first, then fallers. */
    static List<Sentence> sentences(Insights insights, RangeForm form) {
        String previous = RangeForm.NAMED.contains(form.range()) ? "dashboard.previous." + form.range()
                : "dashboard.previous.other";
        List<Sentence> out = new ArrayList<>();
        for (Insights.Mover m : insights.risers()) {
            out.add(m.percent() == null
                    ? new Sentence("insight.new", new Object[] {m.name(), m.plays(), previous})
                    : new Sentence("insight.more", new Object[] {Math.round(m.percent()), m.name(), previous}));
        }
        for (Insights.Mover m : insights.fallers()) {
            // "100 % less" reads oddly: an artist not played at all this time says so, with last period's plays
            out.add(m.plays() == 0
                    ? new Sentence("insight.gone", new Object[] {m.name(), m.previousPlays(), previous})
                    : new Sentence("insight.less", new Object[] {Math.round(Math.abs(m.percent())), m.name(), previous}));
        }
        return out;
    }
}
