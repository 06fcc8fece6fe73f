package org.tonearm.stats.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;
import org.tonearm.listens.LocalTimes;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.Breakdown;
import org.tonearm.stats.DashboardStats;
import org.tonearm.stats.Discoveries;
import org.tonearm.stats.Entity;
import org.tonearm.stats.EntityStats;
import org.tonearm.stats.Heatmap;
import org.tonearm.stats.Insights;
import org.tonearm.stats.Overview;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.Step;
import org.tonearm.stats.Streaks;
import org.tonearm.stats.Timeline;
import org.tonearm.stats.TopOrder;
import org.tonearm.stats.TopPage;
import org.tonearm.stats.YearInReview;
import org.tonearm.stats.internal.cache.StatsCache;
import org.tonearm.stats.internal.query.DashboardQuery;
import org.tonearm.stats.internal.query.DiscoveriesQuery;
import org.tonearm.stats.internal.query.EntityQuery;
import org.tonearm.stats.internal.query.HeatmapQuery;
import org.tonearm.stats.internal.query.InsightsQuery;
import org.tonearm.stats.internal.query.YearQuery;
import org.tonearm.stats.internal.query.OverviewQuery;
import org.tonearm.stats.internal.query.Slice;
import org.tonearm.stats.internal.query.StreaksQuery;
import org.tonearm.stats.internal.query.TimelineQuery;
import org.tonearm.stats.internal.query.TopQuery;
import org.tonearm.stats.internal.range.RangeResolver;

/** The stats façade: resolves ranges and delegates each view to its query class, in one read snapshot. */
@Service
class DefaultStatsService implements StatsService {

    static final int MAX_LIMIT = 1000;

    private final Database database;
    private final UserDirectory users;
    private final OverviewQuery overview;
    private final TopQuery top;
    private final TimelineQuery timeline;
    private final HeatmapQuery heatmap;
    private final StreaksQuery streaks;
    private final DiscoveriesQuery discoveries;
    private final InsightsQuery insights;
    private final EntityQuery entities;
    private final YearQuery years;
    private final Clock clock;
    private final StatsCache cache;
    private final LocalTimes localTimes;
    private final EnrichedViews enriched;
    private final DashboardQuery dashboards;

    DefaultStatsService(Database database, UserDirectory users, OverviewQuery overview, TopQuery top,
            TimelineQuery timeline, HeatmapQuery heatmap, StreaksQuery streaks, DiscoveriesQuery discoveries,
            InsightsQuery insights, EntityQuery entities, YearQuery years, StatsCache cache, LocalTimes localTimes,
            EnrichedViews enriched, DashboardQuery dashboards) {
        this.enriched = enriched;
        this.dashboards = dashboards;
        this.localTimes = localTimes;
        this.cache = cache;
        this.discoveries = discoveries;
        this.insights = insights;
        this.entities = entities;
        this.years = years;
        this.database = database;
        this.users = users;
        this.overview = overview;
        this.top = top;
        this.timeline = timeline;
        this.heatmap = heatmap;
        this.streaks = streaks;
        this.clock = Clock.systemUTC();
    }

    @Override
    public StatsRange resolve(long userId, RangeRequest request) {
        // one read transaction, so its statements share one pooled connection: under concurrency each checkout is a
        // wait of its own (docs/performance.md, 2026-12-07)
        return database.read(() -> {
            UserProfile user = users.findById(userId).orElseThrow(() -> TonearmException.notFound("User"));
            // the zone the rollups and stored local days are in: the previous timezone until its relocation job is
            // done (package documentation, "Timezone changes")
            return RangeResolver.resolve(request, clock.instant(), localTimes.storedZone(userId), user.weekStart(),
                    RangeResolver.needsFirstListen(request) ? heatmap.firstListen(userId) : null);
        });
    }

    /** A view over a resolved range: cached, else computed in a read snapshot of its own. */
    private <T> T view(long userId, StatsRange range, String view, List<?> params, Function<StatsRange, T> compute) {
        return cache.get(userId, view, range, params, () -> database.read(() -> compute.apply(range)));
    }

    /**
     * Resolve and view in one read transaction, so on one pooled connection (docs/performance.md "Statistics: one call
     * per view"). The cache version is read before that snapshot opens, as {@link StatsCache#get} requires; a cached
     * answer still costs the resolve's statements, as it did when resolve was a call of its own.
     */
    private <T> T view(long userId, RangeRequest request, String view, List<?> params,
            Function<StatsRange, T> compute) {
        String version = cache.version(userId);
        return database.read(() -> {
            StatsRange range = resolve(userId, request);
            return cache.get(version, userId, view, range, params, () -> compute.apply(range));
        });
    }

    private Overview overviewOf(long userId, StatsRange range) {
        return overview.overview(userId, range, clock.instant());
    }

    @Override
    public Overview overview(long userId, StatsRange range) {
        return view(userId, range, "overview", List.of(), r -> overviewOf(userId, r));
    }

    @Override
    public Overview overview(long userId, RangeRequest request) {
        return view(userId, request, "overview", List.of(), r -> overviewOf(userId, r));
    }

    @Override
    public TopPage top(long userId, StatsRange range, Entity kind, TopOrder order, int limit, int offset) {
        checkPage(limit, offset);
        return view(userId, range, "top", List.of(kind, order, limit, offset),
                r -> top.page(userId, r, kind, order, limit, offset, clock.instant()));
    }

    @Override
    public TopPage top(long userId, RangeRequest request, Entity kind, TopOrder order, int limit, int offset) {
        checkPage(limit, offset);
        return view(userId, request, "top", List.of(kind, order, limit, offset),
                r -> top.page(userId, r, kind, order, limit, offset, clock.instant()));
    }

    static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw TonearmException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw TonearmException.invalid("offset", "must be 0 or more");
        }
    }

    @Override
    public Timeline timeline(long userId, StatsRange range, Step step) {
        return view(userId, range, "timeline", List.of(step), r -> timeline.timeline(userId, r, step, clock.instant()));
    }

    @Override
    public Timeline timeline(long userId, RangeRequest request, Step step) {
        return view(userId, request, "timeline", List.of(step),
                r -> timeline.timeline(userId, r, step, clock.instant()));
    }

    @Override
    public Heatmap heatmap(long userId, StatsRange range) {
        return view(userId, range, "heatmap", List.of(), r -> heatmap.heatmap(userId, r, clock.instant()));
    }

    @Override
    public Heatmap heatmap(long userId, RangeRequest request) {
        return view(userId, request, "heatmap", List.of(), r -> heatmap.heatmap(userId, r, clock.instant()));
    }

    @Override
    public org.tonearm.stats.Clock clock(long userId, StatsRange range) {
        return view(userId, range, "clock", List.of(), r -> heatmap.clock(userId, r, clock.instant()));
    }

    @Override
    public org.tonearm.stats.Clock clock(long userId, RangeRequest request) {
        return view(userId, request, "clock", List.of(), r -> heatmap.clock(userId, r, clock.instant()));
    }

    private Streaks streaksOf(long userId, StatsRange range) {
        Instant now = clock.instant();
        return streaks.streaks(userId, range, now);
    }

    @Override
    public Streaks streaks(long userId, StatsRange range) {
        return view(userId, range, "streaks", List.of(), r -> streaksOf(userId, r));
    }

    @Override
    public Streaks streaks(long userId, RangeRequest request) {
        return view(userId, request, "streaks", List.of(), r -> streaksOf(userId, r));
    }

    @Override
    public Discoveries discoveries(long userId, StatsRange range, Entity kind, int limit, int offset) {
        checkPage(limit, offset);
        return view(userId, range, "discoveries", List.of(kind, limit, offset),
                r -> discoveries.discoveries(userId, r, kind, limit, offset, clock.instant()));
    }

    @Override
    public Discoveries discoveries(long userId, RangeRequest request, Entity kind, int limit, int offset) {
        checkPage(limit, offset);
        return view(userId, request, "discoveries", List.of(kind, limit, offset),
                r -> discoveries.discoveries(userId, r, kind, limit, offset, clock.instant()));
    }

    @Override
    public Insights insights(long userId, StatsRange range, int limit) {
        checkPage(limit, 0);
        return view(userId, range, "insights", List.of(limit),
                r -> insights.insights(userId, r, limit, clock.instant()));
    }

    @Override
    public Insights insights(long userId, RangeRequest request, int limit) {
        checkPage(limit, 0);
        return view(userId, request, "insights", List.of(limit),
                r -> insights.insights(userId, r, limit, clock.instant()));
    }

    @Override
    public DashboardStats dashboard(long userId, StatsRange range, int top, int insights) {
        checkPage(top, 0);
        checkPage(insights, 0);
        return view(userId, range, "dashboard", List.of(top, insights),
                r -> dashboards.dashboard(userId, r, top, insights, clock.instant()));
    }

    @Override
    public EntityStats entity(long userId, StatsRange range, Entity kind, long id) {
        return view(userId, range, "entity", List.of(kind, id),
                r -> entities.entity(userId, r, kind, id, clock.instant()));
    }

    @Override
    public EntityStats entity(long userId, RangeRequest request, Entity kind, long id) {
        return view(userId, request, "entity", List.of(kind, id),
                r -> entities.entity(userId, r, kind, id, clock.instant()));
    }

    @Override
    public YearInReview year(long userId, int year) {
        return view(userId, RangeRequest.ofYear(year), "year", List.of(year),
                r -> years.year(userId, year, r, clock.instant()));
    }

    /**
     * Not cached: their answers change when the MusicBrainz enrichment writes to the catalog, which bumps no user's
     * statistics version (docs/performance.md "Genres, artist map and eras").
     */
    @Override
    public Breakdown genres(long userId, StatsRange range, TopOrder order, int limit, int offset) {
        checkPage(limit, offset);
        return database.read(() -> enriched.genres().genres(userId, range, order, limit, offset, clock.instant()));
    }

    @Override
    public Breakdown artistMap(long userId, StatsRange range, TopOrder order, int limit, int offset) {
        checkPage(limit, offset);
        return database.read(() -> enriched.artistMap().artistMap(userId, range, order, limit, offset,
                clock.instant()));
    }

    @Override
    public Breakdown eras(long userId, StatsRange range) {
        return database.read(() -> enriched.eras().eras(userId, range, clock.instant()));
    }

    @Override
    public long allTimePlays(long userId) {
        // no range: "until now" keyed by the second, like the named ranges (package documentation)
        return cache.get(userId, "all_time_plays", null, List.of(clock.instant().truncatedTo(ChronoUnit.SECONDS)),
                () -> database.read(() -> overview.totals(userId,
                        Slice.whole(userId, java.time.Instant.parse("1900-01-01T00:00:00Z"), clock.instant(),
                                localTimes.storedZone(userId))).figures().plays()));
    }
}
