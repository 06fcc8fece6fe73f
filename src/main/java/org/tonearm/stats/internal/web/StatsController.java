package org.tonearm.stats.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Heatmap;
import org.tonearm.stats.Insights;
import org.tonearm.stats.Overview;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.Step;
import org.tonearm.stats.Streaks;
import org.tonearm.stats.Timeline;
import org.tonearm.stats.TopOrder;
import org.tonearm.stats.TopPage;

/**
 * The native statistics API (docs/api.md#statistics) under {@code /api/v1/stats/}: the caller's own statistics, scope
 * {@code stats:read}; every answer in the §8 envelope naming the resolved range and its previous period.
 */
@Access(credential = Credential.ANY, scopes = Scopes.STATS_READ)
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    static final int DEFAULT_LIMIT = 50;

    private final StatsService stats;

    StatsController(StatsService stats) {
        this.stats = stats;
    }

    // {@code range} in every view: the query parameters range, year, month, from and to, bound by name
    // (docs/api.md#statistics), resolved by the service in the same read as the view (one pooled connection per call,
    // issue #11 item 9, docs/performance.md "Statistics: one call per view").

    @Operation(operationId = "getStatsOverview", summary = "Totals of a range: plays, listening time, distinct artists, albums, tracks")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.OverviewPage.class)))
    @GetMapping("/overview")
    Map<String, Object> overview(@ParameterObject RangeRequest range) {
        Overview o = stats.overview(CurrentUser.get().id(), range);
        Map<String, Object> item = StatsJson.figures(o.figures());
        item.put("unique_tracks", o.uniqueTracks());
        item.put("unique_artists", o.uniqueArtists());
        item.put("unique_albums", o.uniqueAlbums());
        item.put("current_streak", StatsJson.streak(o.currentStreak()));
        item.put("longest_streak", StatsJson.streak(o.longestStreak()));
        if (o.changes() != null) { // docs/api.md#statistics: no comparison for all_time
            Map<String, Object> changes = new LinkedHashMap<>();
            o.changes().forEach((k, v) -> changes.put(k, StatsJson.change(v)));
            item.put("change", changes);
        }
        return StatsJson.envelope(o.range(), o.computedAt(), 1, 0, List.of(item));
    }

    @Operation(operationId = "getTopEntities", summary = "Your top artists, albums or tracks of a range")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(anyOf = {StatsResponses.TopArtistsPage.class, StatsResponses.TopAlbumsPage.class, StatsResponses.TopTracksPage.class})))
    @GetMapping("/top/{kind}")
    Map<String, Object> top(@PathVariable String kind, @ParameterObject RangeRequest range,
            @RequestParam(required = false) String order, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        Entity entity = entity(kind);
        TopOrder sort = order(order);
        int lim = integer("limit", limit, DEFAULT_LIMIT);
        int off = integer("offset", offset, 0);
        TopPage page = stats.top(CurrentUser.get().id(), range, entity, sort, lim, off);
        return StatsJson.envelope(page.range(), page.computedAt(), page.total(), page.offset(),
                page.items().stream().map(StatsJson::topItem).toList());
    }

    @Operation(operationId = "getStatsTimeline", summary = "Plays and listening time per day, week, month or year")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.TimelinePage.class)))
    @GetMapping("/timeline")
    Map<String, Object> timeline(@ParameterObject RangeRequest range,
            @RequestParam(required = false) String step) {
        Step s = step(step);
        Timeline t = stats.timeline(CurrentUser.get().id(), range, s);
        List<Map<String, Object>> items = t.items().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", StatsJson.day(b.start()));
            m.put("end", StatsJson.day(b.end()));
            StatsJson.putFigures(m, b.figures());
            return m;
        }).toList();
        Map<String, Object> out = StatsJson.envelope(t.range(), t.computedAt(), items.size(), 0, items);
        out.put("step", s.name().toLowerCase(Locale.ROOT));
        return out;
    }

    @Operation(operationId = "getStatsHeatmap", summary = "Plays per local day of a range")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.HeatmapPage.class)))
    @GetMapping("/heatmap")
    Map<String, Object> heatmap(@ParameterObject RangeRequest range) {
        Heatmap h = stats.heatmap(CurrentUser.get().id(), range);
        List<Map<String, Object>> items = h.items().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("weekday", c.weekday());
            m.put("hour", c.hour());
            m.put("plays", c.plays());
            m.put("listening_time_ms", c.listeningTimeMs());
            return m;
        }).toList();
        return StatsJson.envelope(h.range(), h.computedAt(), items.size(), 0, items);
    }

    @Operation(operationId = "getStatsClock", summary = "Plays per local hour of the day and weekday")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.ClockPage.class)))
    @GetMapping("/clock")
    Map<String, Object> clock(@ParameterObject RangeRequest range) {
        org.tonearm.stats.Clock c = stats.clock(CurrentUser.get().id(), range);
        List<Map<String, Object>> items = c.items().stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hour", h.hour());
            m.put("plays", h.plays());
            m.put("listening_time_ms", h.listeningTimeMs());
            return m;
        }).toList();
        return StatsJson.envelope(c.range(), c.computedAt(), items.size(), 0, items);
    }

    @Operation(operationId = "getStatsStreaks", summary = "Your listening streaks")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.StreaksPage.class)))
    @GetMapping("/streaks")
    Map<String, Object> streaks(@ParameterObject RangeRequest range) {
        Streaks s = stats.streaks(CurrentUser.get().id(), range);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("current", StatsJson.streak(s.current()));
        item.put("longest", StatsJson.streak(s.longest()));
        return StatsJson.envelope(s.range(), s.computedAt(), 1, 0, List.of(item));
    }

    @Operation(operationId = "getStatsInsights", summary = "Insights of a range compared with the one before")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.InsightsPage.class)))
    @GetMapping("/insights")
    Map<String, Object> insights(@ParameterObject RangeRequest range,
            @RequestParam(required = false) String limit) {
        int lim = integer("limit", limit, 5);
        Insights i = stats.insights(CurrentUser.get().id(), range, lim);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("risers", i.risers().stream().map(StatsController::mover).toList());
        item.put("fallers", i.fallers().stream().map(StatsController::mover).toList());
        return StatsJson.envelope(i.range(), i.computedAt(), 1, 0, List.of(item));
    }

    @Operation(operationId = "getStatsDiscoveries", summary = "Artists, albums and tracks you first heard in a range")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(anyOf = {StatsResponses.ArtistDiscoveriesPage.class, StatsResponses.AlbumDiscoveriesPage.class, StatsResponses.TrackDiscoveriesPage.class})))
    @GetMapping("/discoveries")
    Map<String, Object> discoveries(@ParameterObject RangeRequest range,
            @RequestParam(required = false) String type, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        Entity kind = type == null ? Entity.ARTISTS : switch (type) {
            case "artists" -> Entity.ARTISTS;
            case "albums" -> Entity.ALBUMS;
            case "tracks" -> Entity.TRACKS;
            default -> throw TonearmException.invalid("type", "must be artists, albums or tracks");
        };
        int lim = integer("limit", limit, DEFAULT_LIMIT);
        int off = integer("offset", offset, 0);
        var d = stats.discoveries(CurrentUser.get().id(), range, kind, lim, off);
        List<Map<String, Object>> items = d.items().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(StatsJson.singular(i.kind()), Map.of("id", i.id(), "name", i.name() == null ? "" : i.name()));
            m.put("first_listened_at", StatsJson.instant(i.firstListenedAt()));
            m.put("date", StatsJson.day(i.firstDay()));
            return m;
        }).toList();
        return StatsJson.envelope(d.range(), d.computedAt(), d.total(), d.offset(), items);
    }

    @Operation(operationId = "getEntityStats", summary = "Statistics of one artist, album or track of your listens")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(anyOf = {StatsResponses.ArtistEntityPage.class, StatsResponses.AlbumEntityPage.class, StatsResponses.TrackEntityPage.class})))
    @GetMapping("/{kind:artists|albums|tracks}/{id}")
    Map<String, Object> entity(@PathVariable String kind, @PathVariable long id, @ParameterObject RangeRequest range) {
        Entity entity = entity(kind);
        var e = stats.entity(CurrentUser.get().id(), range, entity, id);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(StatsJson.singular(entity), Map.of("id", e.id(), "name", e.name() == null ? "" : e.name()));
        item.put("first_listened_at", StatsJson.instant(e.firstListenedAt()));
        item.put("last_listened_at", StatsJson.instant(e.lastListenedAt()));
        StatsJson.putFigures(item, e.figures());
        if (entity == Entity.ARTISTS) {
            item.put("featured_plays", e.featuredPlays());
        }
        item.put("rank", e.rank());
        item.put("top_tracks", e.topTracks().stream().map(StatsJson::topItem).toList());
        item.put("top_albums", e.topAlbums().stream().map(StatsJson::topItem).toList());
        item.put("timeline", e.timeline().items().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", StatsJson.day(b.start()));
            m.put("end", StatsJson.day(b.end()));
            StatsJson.putFigures(m, b.figures());
            return m;
        }).toList());
        return StatsJson.envelope(e.range(), e.computedAt(), 1, 0, List.of(item));
    }

    @Operation(operationId = "getYearInReview", summary = "Your year in review")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.YearPage.class)))
    @GetMapping("/year/{year}")
    Map<String, Object> year(@PathVariable String year) {
        long userId = CurrentUser.get().id();
        int y = integer("year", year, 0);
        if (y < 1 || y > 9999) {
            throw TonearmException.invalid("year", "must be a year YYYY");
        }
        var r = stats.year(userId, y);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("year", r.year());
        StatsJson.putFigures(item, r.figures());
        item.put("top_artists", r.topArtists().stream().map(StatsJson::topItem).toList());
        item.put("top_albums", r.topAlbums().stream().map(StatsJson::topItem).toList());
        item.put("top_tracks", r.topTracks().stream().map(StatsJson::topItem).toList());
        item.put("top_day", r.topDay() == null ? null
                : Map.of("date", StatsJson.day(r.topDay().day()), "plays", r.topDay().plays()));
        item.put("new_artists", r.newArtists());
        item.put("longest_streak", StatsJson.streak(r.longestStreak()));
        item.put("months", r.months().stream().map(m -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("month", m.month());
            StatsJson.putFigures(o, m.figures());
            o.put("top_track", m.topTrack() == null ? null : StatsJson.topItem(m.topTrack()));
            return o;
        }).toList());
        return StatsJson.envelope(r.range(), r.computedAt(), 1, 0, List.of(item));
    }

    private static Map<String, Object> mover(Insights.Mover m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("artist", Map.of("id", m.artistId(), "name", m.name() == null ? "" : m.name()));
        out.put("plays", m.plays());
        out.put("previous_plays", m.previousPlays());
        out.put("delta", m.delta());
        out.put("percent", m.percent());
        return out;
    }

    /** {@code order=plays} (default) or {@code time}, as the top views and the enrichment views take it. */
    static TopOrder order(String order) {
        return order == null ? TopOrder.PLAYS : switch (order) {
            case "plays" -> TopOrder.PLAYS;
            case "time" -> TopOrder.TIME;
            default -> throw TonearmException.invalid("order", "must be plays or time");
        };
    }

    static Entity entity(String kind) {
        return switch (kind) {
            case "artists" -> Entity.ARTISTS;
            case "albums" -> Entity.ALBUMS;
            case "tracks" -> Entity.TRACKS;
            default -> throw TonearmException.notFound("Statistics of " + kind);
        };
    }

    static Step step(String step) {
        if (step == null) {
            return Step.DAY;
        }
        return switch (step) {
            case "day" -> Step.DAY;
            case "week" -> Step.WEEK;
            case "month" -> Step.MONTH;
            case "year" -> Step.YEAR;
            default -> throw TonearmException.invalid("step", "must be day, week, month or year");
        };
    }

    static int integer(String field, String raw, int fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw TonearmException.invalid(field, "must be an integer");
        }
    }
}
