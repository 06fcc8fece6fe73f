package org.tonearm.compat.lastfm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.compat.lastfm.LastfmChartResponses.ChartAlbum;
import org.tonearm.compat.lastfm.LastfmChartResponses.ChartArtist;
import org.tonearm.compat.lastfm.LastfmChartResponses.ChartTrack;
import org.tonearm.compat.lastfm.LastfmChartResponses.Page;
import org.tonearm.compat.lastfm.LastfmChartResponses.Week;
import org.tonearm.identity.UserProfile;
import org.tonearm.stats.Entity;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.TopItem;
import org.tonearm.stats.TopOrder;
import org.tonearm.stats.TopPage;

/**
 * user.getTopArtists, user.getTopTracks, user.getTopAlbums, user.getWeeklyChartList and user.getWeeklyArtistChart,
 * translated onto the stats façade (plays = listens that are not SKIP, docs/api.md#statistics; {@code period} as in
 * {@link LastfmPeriod}). Visibility as {@link LastfmProfiles}; the owner's session needs stats:read or listens:read.
 * Decisions: weekly charts are the user's own weeks (their timezone and week start, not Last.fm's Sunday-noon UTC
 * boundaries), from the week of the first listen to the last complete week; a weekly artist chart lists at most
 * {@link #MAX_LIMIT} artists.
 */
@Component
class LastfmChartMethods {

    /** "limit: The number of results to fetch per page. Defaults to 50." (user.getTopArtists). */
    static final int DEFAULT_LIMIT = 50;
    /** Last.fm documents no maximum for top lists; Tonearm's native top lists stop at 1000 (docs/api.md#statistics). */
    static final int MAX_LIMIT = 1000;

    private final LastfmProfiles profiles;
    private final StatsService stats;

    LastfmChartMethods(LastfmProfiles profiles, StatsService stats) {
        this.profiles = profiles;
        this.stats = stats;
    }

    Lfm getTopArtists(LastfmCall call) {
        Ranked r = ranked(call, Entity.ARTISTS);
        return LastfmChartResponses.topArtists(r.page(), r.items().stream()
                .map(i -> new ChartArtist(i.name(), i.mbid(), i.figures().plays())).toList());
    }

    Lfm getTopTracks(LastfmCall call) {
        Ranked r = ranked(call, Entity.TRACKS);
        return LastfmChartResponses.topTracks(r.page(), r.items().stream()
                .map(i -> new ChartTrack(i.name(), i.mbid(), 0, i.figures().plays(), primaryName(i),
                        primaryMbid(i))).toList());
    }

    Lfm getTopAlbums(LastfmCall call) {
        Ranked r = ranked(call, Entity.ALBUMS);
        return LastfmChartResponses.topAlbums(r.page(), r.items().stream()
                .map(i -> new ChartAlbum(i.name(), i.mbid(), i.figures().plays(), primaryName(i), primaryMbid(i)))
                .toList());
    }

    private record Ranked(Page page, List<TopItem> items) {}

    /** Parameters are checked before the user is looked up, like user.getRecentTracks. */
    private Ranked ranked(LastfmCall call, Entity kind) {
        LastfmParams p = call.params();
        LastfmPeriod period = LastfmPeriod.parse(p.get("period"));
        int limit = limit(p.text("limit"));
        int page = LastfmValidator.page(p.text("page"));
        UserProfile user = profiles.visible(call);
        StatsRange range = stats.resolve(user.id(), RangeRequest.named(period.nativeName));
        long offset = (long) (page - 1) * limit;
        TopPage top = stats.top(user.id(), range, kind, TopOrder.PLAYS, limit,
                (int) Math.min(offset, Integer.MAX_VALUE));
        return new Ranked(new Page(user.username(), page, limit, top.total()), top.items());
    }

    Lfm getWeeklyChartList(LastfmCall call) {
        UserProfile user = profiles.visible(call);
        StatsRange allTime = stats.resolve(user.id(), RangeRequest.named("all_time"));
        List<Week> weeks = new ArrayList<>();
        Instant now = allTime.to();
        ZonedDateTime start = allTime.from().atZone(allTime.zone()).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(allTime.weekStart())).atStartOfDay(allTime.zone());
        // no listen: from == to, and no week is complete
        if (allTime.from().isBefore(allTime.to())) {
            for (LocalDate day = start.toLocalDate(); ; day = day.plusWeeks(1)) {
                Instant from = day.atStartOfDay(allTime.zone()).toInstant();
                Instant to = day.plusWeeks(1).atStartOfDay(allTime.zone()).toInstant();
                if (to.isAfter(now)) {
                    break;
                }
                weeks.add(new Week(from.getEpochSecond(), to.getEpochSecond()));
            }
        }
        return LastfmChartResponses.weeklyChartList(user.username(), weeks);
    }

    /**
     * "from/to: The date at which the chart should start from / end on. See User.getChartsList for more." Both or
     * neither (error 6 otherwise); neither: the most recent complete week ("Defaults to the most recent chart").
     */
    Lfm getWeeklyArtistChart(LastfmCall call) {
        LastfmParams p = call.params();
        Long from = LastfmValidator.optionalSeconds(p.text("from"), "from");
        Long to = LastfmValidator.optionalSeconds(p.text("to"), "to");
        if ((from == null) != (to == null)) {
            throw LastfmException.missing(from == null ? "from" : "to");
        }
        if (from != null && from >= to) {
            throw new LastfmException(LastfmError.INVALID_PARAMETERS, "Invalid parameters - from must be before to");
        }
        UserProfile user = profiles.visible(call);
        StatsRange range = from != null
                ? stats.resolve(user.id(), new RangeRequest(null, null, null, String.valueOf(from), String.valueOf(to)))
                : stats.resolve(user.id(), RangeRequest.named("last_week"));
        TopPage top = stats.top(user.id(), range, Entity.ARTISTS, TopOrder.PLAYS, MAX_LIMIT, 0);
        return LastfmChartResponses.weeklyArtistChart(user.username(),
                new Week(range.from().getEpochSecond(), range.to().getEpochSecond()),
                top.items().stream().map(i -> new ChartArtist(i.name(), i.mbid(), i.figures().plays())).toList());
    }

    static int limit(String value) {
        return value == null ? DEFAULT_LIMIT : Math.min(LastfmValidator.positiveInt(value, "limit"), MAX_LIMIT);
    }

    /** The track's or album's main artist: its first primary credit. */
    private static String primaryName(TopItem i) {
        return i.artists().isEmpty() ? "" : i.artists().get(0).name();
    }

    private static String primaryMbid(TopItem i) {
        return i.artists().isEmpty() ? null : i.artists().get(0).mbid();
    }
}
