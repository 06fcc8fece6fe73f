package org.tonearm.stats.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;
import org.tonearm.listens.LocalTimes;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.Breakdown;
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

    DefaultStatsService(Database database, UserDirectory users, OverviewQuery overview, TopQuery top,
            TimelineQuery timeline, HeatmapQuery heatmap, StreaksQuery streaks, DiscoveriesQuery discoveries,
            InsightsQuery insights, EntityQuery entities, YearQuery years, StatsCache cache, LocalTimes localTimes,
            EnrichedViews enriched) {
        this.enriched = enriched;
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

    @Override
    public Overview overview(long userId, StatsRange range) {
        return cache.get(userId, "overview", range, List.of(),
                () -> database.read(() -> overview.overview(userId, range, clock.instant())));
    }

    @Override
    public TopPage top(long userId, StatsRange range, Entity kind, TopOrder order, int limit, int offset) {
        checkPage(limit, offset);
        return cache.get(userId, "top", range, List.of(kind, order, limit, offset),
                () -> database.read(() -> top.page(userId, range, kind, order, limit, offset, clock.instant())));
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
        return cache.get(userId, "timeline", range, List.of(step),
                () -> database.read(() -> timeline.timeline(userId, range, step, clock.instant())));
    }

    @Override
    public Heatmap heatmap(long userId, StatsRange range) {
        return cache.get(userId, "heatmap", range, List.of(),
                () -> database.read(() -> heatmap.heatmap(userId, range, clock.instant())));
    }

    @Override
    public org.tonearm.stats.Clock clock(long userId, StatsRange range) {
        return cache.get(userId, "clock", range, List.of(),
                () -> database.read(() -> heatmap.clock(userId, range, clock.instant())));
    }

    @Override
    public Streaks streaks(long userId, StatsRange range) {
        return cache.get(userId, "streaks", range, List.of(), () -> database.read(() -> {
            Instant now = clock.instant();
            return new Streaks(range, now,
                    streaks.current(userId, java.time.LocalDate.ofInstant(now, range.zone()), range.zone(), now),
                    streaks.longest(userId, range));
        }));
    }

    @Override
    public Discoveries discoveries(long userId, StatsRange range, Entity kind, int limit, int offset) {
        checkPage(limit, offset);
        return cache.get(userId, "discoveries", range, List.of(kind, limit, offset),
                () -> database.read(() -> discoveries.discoveries(userId, range, kind, limit, offset, clock.instant())));
    }

    @Override
    public Insights insights(long userId, StatsRange range, int limit) {
        checkPage(limit, 0);
        return cache.get(userId, "insights", range, List.of(limit),
                () -> database.read(() -> insights.insights(userId, range, limit, clock.instant())));
    }

    @Override
    public EntityStats entity(long userId, StatsRange range, Entity kind, long id) {
        return cache.get(userId, "entity", range, List.of(kind, id),
                () -> database.read(() -> entities.entity(userId, range, kind, id, clock.instant())));
    }

    @Override
    public YearInReview year(long userId, int year) {
        StatsRange range = resolve(userId, RangeRequest.ofYear(year));
        return cache.get(userId, "year", range, List.of(year),
                () -> database.read(() -> years.year(userId, year, range, clock.instant())));
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
