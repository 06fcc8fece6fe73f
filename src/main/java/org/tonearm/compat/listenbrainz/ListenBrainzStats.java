package org.tonearm.compat.listenbrainz;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.Artist;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.ArtistsPayload;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.DailyActivityPayload;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.HourActivity;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.ListeningActivity;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.ListeningActivityPayload;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.Recording;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.RecordingsPayload;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.Release;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.ReleaseGroup;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.ReleaseGroupsPayload;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.ReleasesPayload;
import org.tonearm.compat.listenbrainz.ListenBrainzStatsWire.YearInMusicPayload;
import org.tonearm.identity.UserProfile;
import org.tonearm.listens.LocalTimes;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Heatmap;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.Step;
import org.tonearm.stats.Timeline;
import org.tonearm.stats.TopItem;
import org.tonearm.stats.TopOrder;
import org.tonearm.stats.TopPage;
import org.tonearm.stats.YearInReview;

/**
 * The ListenBrainz statistics endpoints translated onto the stats façade (docs/architecture.md: compat only
 * translates).
 * An empty result is {@link Optional#empty()}, which the controller answers with 204 as ListenBrainz does when it
 * has no statistics for the range. Decisions (documented in package-info):
 * <ul>
 *   <li>top lists rank by plays (docs/api.md#statistics), ties as the native API; {@code listen_count} = plays;</li>
 *   <li>Tonearm has no release groups: {@code release-groups} ranks the same albums as {@code releases};</li>
 *   <li>listening-activity buckets: days for week/month ranges, months for quarter/half-year/year ranges, years for
 *       all_time (only years with plays, as ListenBrainz); the range itself only, not the previous one;</li>
 *   <li>daily-activity uses the user's local weekday and hour (the native heatmap), not UTC.</li>
 * </ul>
 */
@Component
class ListenBrainzStats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private final StatsService stats;
    private final LocalTimes localTimes;

    ListenBrainzStats(StatsService stats, LocalTimes localTimes) {
        this.stats = stats;
        this.localTimes = localTimes;
    }

    private StatsRange resolve(UserProfile user, ListenBrainzStatsRange range) {
        // "today" in the zone the statistics are resolved in (the previous one while a timezone job is pending)
        LocalDate today = LocalDate.now(localTimes.storedZone(user.id()));
        return stats.resolve(user.id(), ListenBrainzStatsQuery.nativeRange(range, today));
    }

    /** count 0 still asks for one item so that the total is known; the page is then cut to nothing. */
    private TopPage top(UserProfile user, StatsRange range, Entity kind, ListenBrainzStatsQuery q) {
        TopPage page = stats.top(user.id(), range, kind, TopOrder.PLAYS, Math.max(q.count(), 1), q.offset());
        return q.count() == 0 ? new TopPage(page.range(), page.computedAt(), kind, page.order(), page.total(),
                page.offset(), List.of()) : page;
    }

    Optional<ArtistsPayload> artists(UserProfile user, ListenBrainzStatsQuery q) {
        StatsRange range = resolve(user, q.range());
        TopPage page = top(user, range, Entity.ARTISTS, q);
        if (page.total() == 0) {
            return Optional.empty();
        }
        List<Artist> items = page.items().stream()
                .map(i -> new Artist(i.name(), i.mbid(), mbids(i.mbid()), i.figures().plays())).toList();
        return Optional.of(new ArtistsPayload(user.username(), items, items.size(), page.total(), q.offset(),
                q.range().wire(), seconds(range.from()), seconds(range.to()), seconds(page.computedAt())));
    }

    Optional<ReleasesPayload> releases(UserProfile user, ListenBrainzStatsQuery q) {
        StatsRange range = resolve(user, q.range());
        TopPage page = top(user, range, Entity.ALBUMS, q);
        if (page.total() == 0) {
            return Optional.empty();
        }
        List<Release> items = page.items().stream().map(i -> new Release(credit(i.artists()), creditMbids(i.artists()),
                i.name(), i.mbid(), i.figures().plays())).toList();
        return Optional.of(new ReleasesPayload(user.username(), items, items.size(), page.total(), q.offset(),
                q.range().wire(), seconds(range.from()), seconds(range.to()), seconds(page.computedAt())));
    }

    Optional<ReleaseGroupsPayload> releaseGroups(UserProfile user, ListenBrainzStatsQuery q) {
        StatsRange range = resolve(user, q.range());
        TopPage page = top(user, range, Entity.ALBUMS, q);
        if (page.total() == 0) {
            return Optional.empty();
        }
        List<ReleaseGroup> items = page.items().stream().map(i -> new ReleaseGroup(credit(i.artists()),
                creditMbids(i.artists()), i.name(), null, i.figures().plays())).toList();
        return Optional.of(new ReleaseGroupsPayload(user.username(), items, items.size(), page.total(), q.offset(),
                q.range().wire(), seconds(range.from()), seconds(range.to()), seconds(page.computedAt())));
    }

    Optional<RecordingsPayload> recordings(UserProfile user, ListenBrainzStatsQuery q) {
        StatsRange range = resolve(user, q.range());
        TopPage page = top(user, range, Entity.TRACKS, q);
        if (page.total() == 0) {
            return Optional.empty();
        }
        List<Recording> items = page.items().stream().map(i -> new Recording(credit(i.artists()),
                creditMbids(i.artists()), i.name(), i.mbid(), null, null, i.figures().plays())).toList();
        return Optional.of(new RecordingsPayload(user.username(), items, items.size(), page.total(), q.offset(),
                q.range().wire(), seconds(range.from()), seconds(range.to()), seconds(page.computedAt())));
    }

    Optional<ListeningActivityPayload> listeningActivity(UserProfile user, ListenBrainzStatsRange lbRange) {
        StatsRange range = resolve(user, lbRange);
        Step step = switch (lbRange) {
            case THIS_WEEK, WEEK, THIS_MONTH, MONTH -> Step.DAY;
            case QUARTER, HALF_YEARLY, THIS_YEAR, YEAR -> Step.MONTH;
            case ALL_TIME -> Step.YEAR;
        };
        Timeline timeline = stats.timeline(user.id(), range, step);
        if (timeline.items().stream().allMatch(b -> b.figures().plays() == 0)) {
            return Optional.empty();
        }
        ZoneId zone = range.zone();
        List<ListeningActivity> buckets = new ArrayList<>();
        for (Timeline.Bucket b : timeline.items()) {
            if (step == Step.YEAR && b.figures().plays() == 0) {
                continue;
            }
            Instant from = max(b.start().atStartOfDay(zone).toInstant(), range.from());
            Instant to = min(b.end().plusDays(1).atStartOfDay(zone).toInstant(), range.to());
            buckets.add(new ListeningActivity(label(step, b.start()), seconds(from), seconds(to) - 1,
                    b.figures().plays()));
        }
        return Optional.of(new ListeningActivityPayload(user.username(), buckets, seconds(range.from()),
                seconds(range.to()), lbRange.wire(), seconds(timeline.computedAt())));
    }

    Optional<DailyActivityPayload> dailyActivity(UserProfile user, ListenBrainzStatsRange lbRange) {
        StatsRange range = resolve(user, lbRange);
        Heatmap heatmap = stats.heatmap(user.id(), range);
        if (heatmap.items().stream().allMatch(c -> c.plays() == 0)) {
            return Optional.empty();
        }
        long[][] plays = new long[8][24];
        heatmap.items().forEach(c -> plays[c.weekday()][c.hour()] += c.plays());
        // Python's calendar.day_name order: Monday first, whatever the user's week start
        Map<String, List<HourActivity>> days = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            List<HourActivity> hours = new ArrayList<>(24);
            for (int h = 0; h < 24; h++) {
                hours.add(new HourActivity(h, plays[d.getValue()][h]));
            }
            days.put(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH), hours);
        }
        return Optional.of(new DailyActivityPayload(user.username(), days, seconds(range.from()), seconds(range.to()),
                lbRange.wire(), seconds(heatmap.computedAt())));
    }

    /**
     * Year in Music from the native year in review: totals, top lists, new artists and month by month; {@code data}
     * is {@code {}} for a year without plays (ListenBrainz answers 200 with empty data, not 204).
     */
    YearInMusicPayload yearInMusic(UserProfile user, int year) {
        YearInReview y = stats.year(user.id(), year);
        Map<String, Object> data = new LinkedHashMap<>();
        if (y.figures().plays() > 0) {
            data.put("total_listen_count", y.figures().plays());
            data.put("total_listening_time", y.figures().listeningTimeMs() / 1000);
            data.put("total_new_artists_discovered", y.newArtists());
            data.put("top_artists", y.topArtists().stream()
                    .map(i -> new Artist(i.name(), i.mbid(), mbids(i.mbid()), i.figures().plays())).toList());
            data.put("top_release_groups", y.topAlbums().stream().map(i -> new ReleaseGroup(credit(i.artists()),
                    creditMbids(i.artists()), i.name(), null, i.figures().plays())).toList());
            data.put("top_recordings", y.topTracks().stream().map(i -> new Recording(credit(i.artists()),
                    creditMbids(i.artists()), i.name(), i.mbid(), null, null, i.figures().plays())).toList());
            if (y.topDay() != null) {
                data.put("day_of_week", y.topDay().day().getDayOfWeek().getDisplayName(TextStyle.FULL,
                        Locale.ENGLISH));
            }
            List<Map<String, Object>> months = new ArrayList<>();
            for (YearInReview.Month m : y.months()) {
                Map<String, Object> month = new LinkedHashMap<>();
                month.put("time_range", MONTH.format(LocalDate.of(year, m.month(), 1)));
                month.put("listen_count", m.figures().plays());
                months.add(month);
            }
            data.put("listens_per_month", months);
        }
        return new YearInMusicPayload(user.username(), data);
    }

    private static String label(Step step, LocalDate start) {
        return switch (step) {
            case DAY -> DAY.format(start);
            case MONTH -> MONTH.format(start);
            default -> String.valueOf(start.getYear());
        };
    }

    /** The credit as one text, as ListenBrainz shows it: primary artists, then " feat. " and the featured ones. */
    static String credit(List<TopItem.Credit> credits) {
        List<String> primary = new ArrayList<>();
        List<String> featured = new ArrayList<>();
        for (TopItem.Credit c : credits) {
            ("featured".equalsIgnoreCase(c.role()) ? featured : primary).add(c.name());
        }
        String text = String.join(", ", primary);
        return featured.isEmpty() ? text : text + " feat. " + String.join(", ", featured);
    }

    private static List<String> creditMbids(List<TopItem.Credit> credits) {
        return credits.stream().map(TopItem.Credit::mbid).filter(m -> m != null && !m.isEmpty()).toList();
    }

    private static List<String> mbids(String mbid) {
        return mbid == null || mbid.isEmpty() ? List.of() : List.of(mbid);
    }

    private static long seconds(Instant i) {
        return Math.floorDiv(i.toEpochMilli(), 1000L);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
