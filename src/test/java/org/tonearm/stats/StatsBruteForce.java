package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;
import org.tonearm.shared.Database;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.internal.rollup.RollupRebuilder;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The brute force of issue 11 item 7: every view recomputed here from docs/api.md#statistics "Definitions" over the raw
 * listens read back from the listens API, local days and hours computed from the instants in the range's zone (never
 * taken from the stored local_day). Shared by the property test and the concurrency and timezone-job tests.
 */
final class StatsBruteForce {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private StatsBruteForce() {}

    /** One listen read back from {@code GET /api/v1/listens}: the brute force's only input. */
    record L(long id, Instant at, boolean skip, double weight, Long played, Long length, long trackId,
            List<Long> artistIds, List<Long> featuredIds, Long albumId) {

        long timeMs() {
            return played != null ? played : length != null ? length : 0;
        }

        long estimatedMs() {
            return played == null && length != null ? length : 0;
        }
    }
    @SafeVarargs
    static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    static List<L> readBack(Api me) {
        List<L> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = me.get("/api/v1/listens?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode l : page.path("listens")) {
                List<Long> artists = new ArrayList<>();
                List<Long> featured = new ArrayList<>();
                l.path("track").path("artists").forEach(a -> {
                    artists.add(a.path("id").asLong());
                    if (a.path("role").asString().equals("featured")) {
                        featured.add(a.path("id").asLong());
                    }
                });
                JsonNode album = l.path("album");
                out.add(new L(l.path("id").asLong(), Instant.parse(l.path("listened_at").asString()),
                        l.path("classification").asString().equals("SKIP"), l.path("weight").asDouble(),
                        l.path("duration_played_ms").isNull() ? null : l.path("duration_played_ms").asLong(),
                        l.path("track_length_ms").isNull() ? null : l.path("track_length_ms").asLong(),
                        l.path("track").path("id").asLong(), artists, featured,
                        album.isNull() || album.isMissingNode() ? null : album.path("id").asLong()));
            }
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
        } while (cursor != null);
        return out;
    }

    /** Six random ranges of ten (tries cover them all) with every rollup-backed view, against the brute force. */
    static void assertViews(StatsService stats, long userId, List<L> listens, Random random) {
        assertViews(stats, userId, listens, random, null);
    }

    /** As above; every range must also be resolved in {@code zone} (when not null). */
    static void assertViews(StatsService stats, long userId, List<L> listens, Random random, ZoneId zone) {
        List<RangeRequest> requests = new ArrayList<>(List.of(RangeRequest.named("7d"), RangeRequest.named("30d"),
                RangeRequest.named("365d"), RangeRequest.named("all_time"), RangeRequest.named("this_month"),
                RangeRequest.ofYear(2024), RangeRequest.ofYear(2025),
                new RangeRequest(null, null, pick(random, "2024-02", "2024-12", "2025-03", "2025-11"), null, null)));
        LocalDate a = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1000));
        requests.add(new RangeRequest(null, null, null, a.toString(), a.plusDays(random.nextInt(120)).toString()));
        // the entity timeline's boundary (by day up to 62 local days), across a spring-forward switch
        LocalDate b = pick(random, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 8, 20), LocalDate.of(2024, 1, 20));
        requests.add(new RangeRequest(null, null, null, b.toString(), b.plusDays(61 + random.nextInt(2)).toString()));
        Instant i = START.plusSeconds(random.nextLong(86_400L * 1000));
        requests.add(new RangeRequest(null, null, null, i.toString(), i.plusSeconds(random.nextLong(86_400L * 200)).toString()));
        // six of the eleven ranges per check keep the class near a minute per database; tries cover them all
        java.util.Collections.shuffle(requests, random);
        for (RangeRequest request : requests.subList(0, 6)) {
            StatsRange range = stats.resolve(userId, request);
            if (zone != null) {
                assertThat(range.zone()).as("the zone %s is resolved in", request).isEqualTo(zone);
            }
            checkBounds(request, range, listens);
            List<L> in = listens.stream().filter(l -> !l.at().isBefore(range.from()) && l.at().isBefore(range.to())).toList();
            String what = request + " in " + range.zone() + " week from " + range.weekStart();
            // the one-call variants (range resolved inside the view's call) must answer as resolve then view does
            boolean oneCall = random.nextBoolean();
            Overview overview = oneCall ? stats.overview(userId, request) : stats.overview(userId, range);
            checkSameRange(overview.range(), range, what);
            checkOverview(overview, in, listens, range, what);
            for (Entity kind : Entity.values()) {
                for (TopOrder order : TopOrder.values()) {
                    TopPage page = oneCall ? stats.top(userId, request, kind, order, 1000, 0)
                            : stats.top(userId, range, kind, order, 1000, 0);
                    checkSameRange(page.range(), range, what);
                    checkTop(page, in, kind, order, what);
                    checkPreviousRanks(page, listens, range, kind, order, what);
                }
            }
            for (Step step : List.of(Step.DAY, Step.WEEK, Step.MONTH)) {
                checkTimeline(oneCall ? stats.timeline(userId, request, step) : stats.timeline(userId, range, step), in,
                        range, step, what);
            }
            checkHeatmap(oneCall ? stats.heatmap(userId, request) : stats.heatmap(userId, range), in, range, what);
            checkClock(oneCall ? stats.clock(userId, request) : stats.clock(userId, range), in, range, what);
            if (oneCall) { // the streaks view itself: the same streaks as the overview's
                Streaks streaks = stats.streaks(userId, request);
                assertThat(streaks.current()).as("current streak of the streaks view " + what)
                        .isEqualTo(overview.currentStreak());
                assertThat(streaks.longest()).as("longest streak of the streaks view " + what)
                        .isEqualTo(overview.longestStreak());
            }
            // one kind of discoveries and one entity page per range keep the added views near a tenth of the time
            checkDiscoveries(stats, userId, range, listens, pick(random, Entity.values()), random, what);
            checkInsights(stats, userId, range, in, listens, random, what);
            checkDashboard(stats, userId, range, 1 + random.nextInt(11), what);
            if (!listens.isEmpty()) { // an entity someone listened to (skips only: never played, 404)
                L l = listens.get(random.nextInt(listens.size()));
                switch (pick(random, Entity.values())) {
                    case TRACKS -> checkEntity(stats, userId, range, listens, Entity.TRACKS, l.trackId(), what);
                    case ARTISTS -> checkEntity(stats, userId, range, listens, Entity.ARTISTS,
                            l.artistIds().get(random.nextInt(l.artistIds().size())), what);
                    case ALBUMS -> {
                        if (l.albumId() != null) {
                            checkEntity(stats, userId, range, listens, Entity.ALBUMS, l.albumId(), what);
                        }
                    }
                }
            }
        }
        // the year in review of a year of the histories (2024 to now), same tries
        int year = 2024 + random.nextInt(LocalDate.now(ZoneId.of("UTC")).getYear() - 2024 + 1);
        checkYear(stats.year(userId, year), year, listens, zone);
    }

    /**
     * A range resolved inside a view's call equals the one resolve gave, but for "now" a moment later (or, for an
     * answer cached within the same second, earlier: the cache keys "now" by the second).
     */
    private static void checkSameRange(StatsRange actual, StatsRange resolved, String what) {
        assertThat(actual.name()).as("range name " + what).isEqualTo(resolved.name());
        assertThat(actual.zone()).as("range zone " + what).isEqualTo(resolved.zone());
        assertThat(actual.weekStart()).as("week start " + what).isEqualTo(resolved.weekStart());
        assertThat(actual.to()).as("range end " + what).isBetween(resolved.to().minusSeconds(1),
                resolved.to().plusSeconds(60));
        assertThat(actual.from()).as("range start " + what).isBetween(resolved.from().minusSeconds(1),
                resolved.from().plusSeconds(60)); // all_time without a listen starts "now"
    }

    /** The range bounds themselves, from docs/api.md#statistics: local midnights in the user's zone. */
    private static void checkBounds(RangeRequest request, StatsRange range, List<L> listens) {
        ZoneId zone = range.zone();
        LocalDate today = LocalDate.now(zone);
        LocalDate from;
        if (request.year() != null) {
            int year = Integer.parseInt(request.year());
            from = LocalDate.of(year, 1, 1);
            assertThat(range.to()).isEqualTo(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
            assertThat(range.previous()).as("year= compares with the whole year before").isEqualTo(new StatsRange.Period(
                    LocalDate.of(year - 1, 1, 1).atStartOfDay(zone).toInstant(), from.atStartOfDay(zone).toInstant()));
        } else if (request.month() != null) {
            from = LocalDate.parse(request.month() + "-01");
            assertThat(range.to()).isEqualTo(from.plusMonths(1).atStartOfDay(zone).toInstant());
        } else if (request.from() != null && request.from().length() == 10) {
            from = LocalDate.parse(request.from());
            LocalDate end = LocalDate.parse(request.to()).plusDays(1);
            assertThat(range.to()).isEqualTo(end.atStartOfDay(zone).toInstant());
            assertThat(range.previous()).as("dates compare with as many whole days before").isEqualTo(new StatsRange.Period(
                    from.minusDays(ChronoUnit.DAYS.between(from, end)).atStartOfDay(zone).toInstant(),
                    from.atStartOfDay(zone).toInstant()));
        } else if (request.from() != null) {
            assertThat(range.from()).isEqualTo(Instant.parse(request.from()));
            assertThat(range.to()).isEqualTo(Instant.parse(request.to()));
            return;
        } else {
            from = switch (request.range()) {
                case "7d" -> today.minusDays(6);
                case "30d" -> today.minusDays(29);
                case "365d" -> today.minusDays(364);
                case "this_month" -> today.withDayOfMonth(1);
                default -> listens.stream().map(L::at).min(Comparator.naturalOrder())
                        .map(first -> first.atZone(zone).toLocalDate()).orElse(null);
            };
            if (from == null) {
                assertThat(range.from()).isEqualTo(range.to());
                return;
            }
            assertThat(Duration.between(range.to(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        }
        assertThat(range.from()).as("from of %s", request).isEqualTo(from.atStartOfDay(zone).toInstant());
    }

    private static Figures figures(List<L> listens) {
        long plays = 0;
        long skips = 0;
        double weighted = 0;
        long time = 0;
        long estimated = 0;
        for (L l : listens) {
            if (l.skip()) {
                skips++;
                continue;
            }
            plays++;
            weighted += l.weight();
            time += l.timeMs();
            estimated += l.estimatedMs();
        }
        return new Figures(plays, weighted, skips, time, estimated);
    }

    private static void assertFigures(Figures actual, Figures expected, String what) {
        assertThat(actual.plays()).as("plays " + what).isEqualTo(expected.plays());
        assertThat(actual.skips()).as("skips " + what).isEqualTo(expected.skips());
        assertThat(actual.weightedPlays()).as("weighted plays " + what).isCloseTo(expected.weightedPlays(), within(1e-9));
        assertThat(actual.listeningTimeMs()).as("listening time " + what).isEqualTo(expected.listeningTimeMs());
        assertThat(actual.estimatedTimeMs()).as("estimated time " + what).isEqualTo(expected.estimatedTimeMs());
    }

    private static LocalDate day(L l, ZoneId zone) {
        return l.at().atZone(zone).toLocalDate();
    }

    private static void checkOverview(Overview o, List<L> in, List<L> all, StatsRange range, String what) {
        assertFigures(o.figures(), figures(in), "overview " + what);
        List<L> plays = in.stream().filter(l -> !l.skip()).toList();
        assertThat(o.uniqueTracks()).as("unique tracks " + what).isEqualTo(plays.stream().map(L::trackId).distinct().count());
        assertThat(o.uniqueArtists()).as("unique artists " + what)
                .isEqualTo(plays.stream().flatMap(l -> l.artistIds().stream()).distinct().count());
        assertThat(o.uniqueAlbums()).as("unique albums " + what)
                .isEqualTo(plays.stream().map(L::albumId).filter(x -> x != null).distinct().count());
        if (range.allTime()) {
            assertThat(o.changes()).as("changes " + what).isNull();
        } else { // docs/api.md#statistics period comparison: the same figure over the previous equivalent period
            List<L> before = all.stream().filter(l -> !l.at().isBefore(range.previous().from())
                    && l.at().isBefore(range.previous().to())).toList();
            assertThat(o.changes().get("plays").previous()).as("previous plays " + what)
                    .isEqualTo(figures(before).plays());
            assertThat(o.changes().get("listening_time_ms").previous()).as("previous time " + what)
                    .isEqualTo(figures(before).listeningTimeMs());
        }
        ZoneId zone = range.zone();
        // longest run of consecutive local days with a play, inside the range
        TreeSet<LocalDate> days = new TreeSet<>();
        plays.forEach(l -> days.add(day(l, zone)));
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate d : days) {
            run = previous != null && previous.plusDays(1).equals(d) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = d;
        }
        assertThat(o.longestStreak() == null ? 0 : o.longestStreak().days()).as("longest streak " + what).isEqualTo(longest);
        // current streak: over the whole history, alive if the last play was today or yesterday
        Set<LocalDate> allDays = new HashSet<>();
        all.stream().filter(l -> !l.skip()).forEach(l -> allDays.add(day(l, zone)));
        LocalDate d = LocalDate.now(zone);
        if (!allDays.contains(d)) {
            d = d.minusDays(1);
        }
        int current = 0;
        while (allDays.contains(d)) {
            current++;
            d = d.minusDays(1);
        }
        assertThat(o.currentStreak() == null ? 0 : o.currentStreak().days()).as("current streak " + what).isEqualTo(current);
    }

    private static void checkTop(TopPage page, List<L> in, Entity kind, TopOrder order, String what) {
        Map<Long, Figures> figures = new HashMap<>();
        List<Long> expected = ranking(in, kind, order, figures);
        String w = "top " + kind + " by " + order + " " + what;
        assertThat(page.total()).as("total " + w).isEqualTo(expected.size());
        assertTopItems(page.items(), expected, figures, w);
    }

    /**
     * Each item's rank in the previous period: its place in the same ranking there (null when it had no play there),
     * and the movement that follows from it (docs/api.md#statistics).
     */
    private static void checkPreviousRanks(TopPage page, List<L> all, StatsRange range, Entity kind, TopOrder order,
            String what) {
        String w = "previous ranks of top " + kind + " by " + order + " " + what;
        if (range.previous() == null) {
            assertThat(page.items()).as(w).allMatch(i -> i.previousRank() == null && i.movement() == Movement.NONE);
            return;
        }
        List<Long> before = ranking(all.stream().filter(l -> !l.at().isBefore(range.previous().from())
                && l.at().isBefore(range.previous().to())).toList(), kind, order, new HashMap<>());
        for (TopItem item : page.items()) {
            int at = before.indexOf(item.id());
            Integer expected = at < 0 ? null : at + 1;
            assertThat(item.previousRank()).as(w + " #" + item.id()).isEqualTo(expected);
            assertThat(item.movement()).as(w + " #" + item.id()).isEqualTo(expected == null ? Movement.NEW
                    : expected > item.rank() ? Movement.UP : expected < item.rank() ? Movement.DOWN : Movement.SAME);
        }
    }

    private static void assertTopItems(List<TopItem> items, List<Long> expected, Map<Long, Figures> figures, String w) {
        assertThat(items).extracting(TopItem::id).as(w).containsExactlyElementsOf(expected);
        for (TopItem item : items) {
            assertFigures(item.figures(), figures.get(item.id()), w + " #" + item.id());
        }
    }

    /**
     * The ids of a ranking (items with at least one play; ties broken by the other figure, then by id), their figures
     * put into {@code figures}.
     */
    private static List<Long> ranking(List<L> in, Entity kind, TopOrder order, Map<Long, Figures> figures) {
        Map<Long, List<L>> groups = new HashMap<>();
        for (L l : in) { // an item's figures carry its skips too (its skip rate); it is listed only with a play
            switch (kind) {
                case ARTISTS -> l.artistIds().forEach(a -> groups.computeIfAbsent(a, k -> new ArrayList<>()).add(l));
                case ALBUMS -> {
                    if (l.albumId() != null) {
                        groups.computeIfAbsent(l.albumId(), k -> new ArrayList<>()).add(l);
                    }
                }
                case TRACKS -> groups.computeIfAbsent(l.trackId(), k -> new ArrayList<>()).add(l);
            }
        }
        groups.forEach((id, ls) -> figures.put(id, figures(ls)));
        figures.values().removeIf(f -> f.plays() == 0);
        Comparator<Long> byPlays = Comparator.comparingLong(id -> -figures.get(id).plays());
        Comparator<Long> byTime = Comparator.comparingLong(id -> -figures.get(id).listeningTimeMs());
        Comparator<Long> cmp = (order == TopOrder.PLAYS ? byPlays.thenComparing(byTime) : byTime.thenComparing(byPlays))
                .thenComparing(Function.identity());
        return figures.keySet().stream().sorted(cmp).toList();
    }

    private static List<Long> idsOf(L l, Entity kind) {
        return switch (kind) {
            case ARTISTS -> l.artistIds();
            case ALBUMS -> l.albumId() == null ? List.of() : List.of(l.albumId());
            case TRACKS -> List.of(l.trackId());
        };
    }

    private static List<L> inPeriod(List<L> listens, Instant from, Instant to) {
        return listens.stream().filter(l -> !l.at().isBefore(from) && l.at().isBefore(to)).toList();
    }

    /** The first play (not a skip) of every item over the whole history: docs/api.md#statistics discoveries. */
    private static Map<Long, Instant> firstPlays(List<L> all, Entity kind) {
        Map<Long, Instant> first = new HashMap<>();
        for (L l : all) {
            if (!l.skip()) {
                idsOf(l, kind).forEach(id -> first.merge(id, l.at(), (a, b) -> a.isBefore(b) ? a : b));
            }
        }
        return first;
    }

    /** Discoveries: first plays inside the range, newest first (equal instants by id), with their local day. */
    private static List<String> expectedDiscoveries(List<L> all, Entity kind, StatsRange range) {
        Map<Long, Instant> first = firstPlays(all, kind);
        return first.entrySet().stream()
                .filter(e -> !e.getValue().isBefore(range.from()) && e.getValue().isBefore(range.to()))
                .sorted(Comparator.<Map.Entry<Long, Instant>, Instant>comparing(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + "@" + e.getValue() + "/" + e.getValue().atZone(range.zone()).toLocalDate())
                .toList();
    }

    private static void checkDiscoveries(StatsService stats, long userId, StatsRange range, List<L> all, Entity kind,
            Random random, String what) {
        List<String> expected = expectedDiscoveries(all, kind, range);
        String w = "discoveries of " + kind + " " + what;
        Discoveries whole = stats.discoveries(userId, range, kind, 1000, 0);
        assertThat(whole.total()).as("total " + w).isEqualTo(expected.size());
        assertThat(whole.items()).extracting(d -> d.id() + "@" + d.firstListenedAt() + "/" + d.firstDay()).as(w)
                .containsExactlyElementsOf(expected);
        // a page: the same order sliced, total still the whole range's (offset may pass the end)
        int limit = 1 + random.nextInt(3);
        int offset = random.nextInt(expected.size() + 2);
        Discoveries page = stats.discoveries(userId, range, kind, limit, offset);
        assertThat(page.total()).as("total of page " + offset + " " + w).isEqualTo(expected.size());
        assertThat(page.items()).extracting(d -> d.id() + "@" + d.firstListenedAt() + "/" + d.firstDay())
                .as("page " + offset + "+" + limit + " " + w)
                .containsExactlyElementsOf(expected.subList(Math.min(offset, expected.size()),
                        Math.min(offset + limit, expected.size())));
    }

    /** Insights: artists' plays against the previous period; risers by gain, fallers by loss, ties by id. */
    /**
     * The dashboard's parts (DashboardStats) equal their own views, which the checks above hold to the brute force:
     * its top items are ranked in memory (TopQuery.ranking) where the top view ranks in SQL, its unique counts are
     * the sizes of the summed items where the overview counts distinct pairs. Weighted plays may differ in the last
     * bits (sums in another order).
     */
    private static void checkDashboard(StatsService stats, long userId, StatsRange range, int n, String what) {
        DashboardStats d = stats.dashboard(userId, range, n, n);
        Comparator<Double> close = (a, b) -> a == null || b == null ? Objects.equals(a, b) ? 0 : 1
                : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) ? 0 : a.compareTo(b);
        // "now" moves between two calls: the time of computing and the range's end (and an empty history's all_time
        // begins now too); each view's range is checked against the resolved one above (checkSameRange)
        String[] now = {"computedAt", "range"};
        assertThat(d.overview()).as("dashboard overview " + what).usingRecursiveComparison()
                .ignoringFields(now).withComparatorForType(close, Double.class)
                .isEqualTo(stats.overview(userId, range));
        assertThat(d.topArtists()).as("dashboard top artists " + what).usingRecursiveComparison()
                .withComparatorForType(close, Double.class)
                .isEqualTo(stats.top(userId, range, Entity.ARTISTS, TopOrder.PLAYS, n, 0).items());
        assertThat(d.topAlbums()).as("dashboard top albums " + what).usingRecursiveComparison()
                .withComparatorForType(close, Double.class)
                .isEqualTo(stats.top(userId, range, Entity.ALBUMS, TopOrder.PLAYS, n, 0).items());
        assertThat(d.topTracks()).as("dashboard top tracks " + what).usingRecursiveComparison()
                .withComparatorForType(close, Double.class)
                .isEqualTo(stats.top(userId, range, Entity.TRACKS, TopOrder.PLAYS, n, 0).items());
        assertThat(d.insights()).as("dashboard insights " + what).usingRecursiveComparison()
                .ignoringFields(now).withComparatorForType(close, Double.class)
                .isEqualTo(stats.insights(userId, range, n));
    }

    private static void checkInsights(StatsService stats, long userId, StatsRange range, List<L> in, List<L> all,
            Random random, String what) {
        int limit = 1 + random.nextInt(6);
        Insights insights = stats.insights(userId, range, limit);
        String w = "insights (limit " + limit + ") " + what;
        if (range.previous() == null) {
            assertThat(insights.risers()).as("risers " + w).isEmpty();
            assertThat(insights.fallers()).as("fallers " + w).isEmpty();
            return;
        }
        Map<Long, Long> now = artistPlays(in);
        Map<Long, Long> before = artistPlays(inPeriod(all, range.previous().from(), range.previous().to()));
        Set<Long> ids = new HashSet<>(now.keySet());
        ids.addAll(before.keySet());
        List<String> risers = new ArrayList<>();
        List<String> fallers = new ArrayList<>();
        Comparator<Long> byDelta = Comparator.comparingLong(id -> -Math.abs(now.getOrDefault(id, 0L) - before.getOrDefault(id, 0L)));
        for (long id : ids.stream().sorted(byDelta.thenComparing(Function.identity())).toList()) {
            long a = now.getOrDefault(id, 0L);
            long b = before.getOrDefault(id, 0L);
            String mover = id + ":" + a + "/" + b + "/" + (a - b) + "/" + (b == 0 ? null : (a - b) * 100.0 / b);
            if (a > b && risers.size() < limit) {
                risers.add(mover);
            } else if (a < b && fallers.size() < limit) {
                fallers.add(mover);
            }
        }
        Function<Insights.Mover, String> shown = m -> m.artistId() + ":" + m.plays() + "/" + m.previousPlays() + "/"
                + m.delta() + "/" + m.percent();
        assertThat(insights.risers()).extracting(shown).as("risers " + w).containsExactlyElementsOf(risers);
        assertThat(insights.fallers()).extracting(shown).as("fallers " + w).containsExactlyElementsOf(fallers);
    }

    private static Map<Long, Long> artistPlays(List<L> listens) {
        Map<Long, Long> plays = new HashMap<>();
        listens.stream().filter(l -> !l.skip()).forEach(l -> l.artistIds().forEach(a -> plays.merge(a, 1L, Long::sum)));
        return plays;
    }

    /** An entity's page: whole-history first/last play, figures, rank, featured plays, top tracks/albums, timeline. */
    private static void checkEntity(StatsService stats, long userId, StatsRange range, List<L> all, Entity kind, long id,
            String what) {
        String w = kind + " #" + id + " " + what;
        List<L> mine = all.stream().filter(l -> idsOf(l, kind).contains(id)).toList();
        List<L> played = mine.stream().filter(l -> !l.skip()).toList();
        if (played.isEmpty()) { // docs/api.md: an entity the caller never played is 404, as one that does not exist
            assertThatThrownBy(() -> stats.entity(userId, range, kind, id)).as(w)
                    .isInstanceOfSatisfying(TonearmException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
            return;
        }
        EntityStats page = stats.entity(userId, range, kind, id);
        assertThat(page.firstListenedAt()).as("first listened " + w)
                .isEqualTo(played.stream().map(L::at).min(Comparator.naturalOrder()).orElseThrow());
        assertThat(page.lastListenedAt()).as("last listened " + w)
                .isEqualTo(played.stream().map(L::at).max(Comparator.naturalOrder()).orElseThrow());
        List<L> in = inPeriod(mine, range.from(), range.to());
        assertFigures(page.figures(), figures(in), "entity " + w);
        assertThat(page.featuredPlays()).as("featured plays " + w).isEqualTo(kind != Entity.ARTISTS ? 0
                : in.stream().filter(l -> !l.skip() && l.featuredIds().contains(id)).count());
        List<Long> ranked = ranking(inPeriod(all, range.from(), range.to()), kind, TopOrder.PLAYS, new HashMap<>());
        assertThat(page.rank()).as("rank " + w).isEqualTo(ranked.contains(id) ? ranked.indexOf(id) + 1 : null);
        for (Entity inside : List.of(Entity.TRACKS, Entity.ALBUMS)) {
            Map<Long, Figures> figures = new HashMap<>();
            List<Long> expected = inside == kind ? List.of() : ranking(in, inside, TopOrder.PLAYS, figures);
            assertTopItems(inside == Entity.TRACKS ? page.topTracks() : page.topAlbums(),
                    expected.subList(0, Math.min(10, expected.size())), figures, "top " + inside + " of " + w);
        }
        // by day for ranges up to 62 local days, else by month
        LocalDate first = range.from().atZone(range.zone()).toLocalDate();
        LocalDate last = range.to().minusNanos(1).atZone(range.zone()).toLocalDate();
        Step step = ChronoUnit.DAYS.between(first, last) + 1 <= 62 ? Step.DAY : Step.MONTH;
        checkTimeline(page.timeline(), in, range, step, "of " + w);
    }

    /** docs/api.md#statistics year in review, every figure from the listens of that local year. */
    private static void checkYear(YearInReview review, int year, List<L> all, ZoneId expectedZone) {
        ZoneId zone = review.range().zone();
        if (expectedZone != null) {
            assertThat(zone).isEqualTo(expectedZone);
        }
        String w = "year " + year + " in " + zone;
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        assertThat(review.range().from()).as("from " + w).isEqualTo(from);
        assertThat(review.range().to()).as("to " + w).isEqualTo(to);
        List<L> in = inPeriod(all, from, to);
        assertFigures(review.figures(), figures(in), w);
        for (Entity kind : Entity.values()) {
            Map<Long, Figures> figures = new HashMap<>();
            List<Long> expected = ranking(in, kind, TopOrder.PLAYS, figures);
            List<TopItem> items = switch (kind) {
                case ARTISTS -> review.topArtists();
                case ALBUMS -> review.topAlbums();
                case TRACKS -> review.topTracks();
            };
            assertTopItems(items, expected.subList(0, Math.min(5, expected.size())), figures, "top " + kind + " " + w);
        }
        Map<LocalDate, Long> perDay = new HashMap<>();
        in.stream().filter(l -> !l.skip()).forEach(l -> perDay.merge(day(l, zone), 1L, Long::sum));
        YearInReview.TopDay topDay = perDay.entrySet().stream()
                .sorted(Comparator.<Map.Entry<LocalDate, Long>>comparingLong(e -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .findFirst().map(e -> new YearInReview.TopDay(e.getKey(), e.getValue())).orElse(null);
        assertThat(review.topDay()).as("top day " + w).isEqualTo(topDay);
        assertThat(review.newArtists()).as("new artists " + w).isEqualTo(firstPlays(all, Entity.ARTISTS).values()
                .stream().filter(at -> !at.isBefore(from) && at.isBefore(to)).count());
        // the longest run of consecutive local days with a play (of equal runs, the earliest)
        Streak longest = Streak.NONE;
        LocalDate runStart = null;
        LocalDate previous = null;
        for (LocalDate d : new TreeSet<>(perDay.keySet())) {
            runStart = previous != null && previous.plusDays(1).equals(d) ? runStart : d;
            int days = (int) ChronoUnit.DAYS.between(runStart, d) + 1;
            if (days > longest.days()) {
                longest = new Streak(days, runStart, d);
            }
            previous = d;
        }
        assertThat(review.longestStreak()).as("longest streak " + w).isEqualTo(longest);
        assertThat(review.months()).extracting(YearInReview.Month::month).as("months " + w)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        for (YearInReview.Month month : review.months()) {
            LocalDate first = LocalDate.of(year, month.month(), 1);
            List<L> ofMonth = inPeriod(in, first.atStartOfDay(zone).toInstant(),
                    first.plusMonths(1).atStartOfDay(zone).toInstant());
            assertFigures(month.figures(), figures(ofMonth), "month " + month.month() + " of " + w);
            Map<Long, Figures> figures = new HashMap<>();
            List<Long> tracks = ranking(ofMonth, Entity.TRACKS, TopOrder.PLAYS, figures);
            assertTopItems(month.topTrack() == null ? List.of() : List.of(month.topTrack()),
                    tracks.subList(0, Math.min(1, tracks.size())), figures, "top track of month " + month.month() + " of " + w);
        }
    }

    private static void checkTimeline(Timeline t, List<L> in, StatsRange range, Step step, String what) {
        ZoneId zone = range.zone();
        String w = "timeline " + step + " " + what;
        if (!range.from().isBefore(range.to())) {
            assertThat(t.items()).as(w).allSatisfy(b -> assertThat(b.figures().plays()).isZero());
            return;
        }
        LocalDate first = range.from().atZone(zone).toLocalDate();
        LocalDate last = range.to().minusNanos(1).atZone(zone).toLocalDate();
        List<Timeline.Bucket> expected = new ArrayList<>();
        LocalDate start = first;
        while (!start.isAfter(last)) {
            LocalDate naturalStart = switch (step) {
                case DAY -> start;
                case WEEK -> start.with(TemporalAdjusters.previousOrSame(range.weekStart()));
                case MONTH -> start.withDayOfMonth(1);
                case YEAR -> start.withDayOfYear(1);
            };
            LocalDate next = switch (step) {
                case DAY -> naturalStart.plusDays(1);
                case WEEK -> naturalStart.plusWeeks(1);
                case MONTH -> naturalStart.plusMonths(1);
                case YEAR -> naturalStart.plusYears(1);
            };
            LocalDate end = next.minusDays(1).isAfter(last) ? last : next.minusDays(1);
            LocalDate s = start;
            List<L> bucket = in.stream().filter(l -> !day(l, zone).isBefore(s) && !day(l, zone).isAfter(end)).toList();
            expected.add(new Timeline.Bucket(start, end, figures(bucket)));
            start = next;
        }
        assertThat(t.items()).extracting(Timeline.Bucket::start).as(w).containsExactlyElementsOf(
                expected.stream().map(Timeline.Bucket::start).toList());
        assertThat(t.items()).extracting(Timeline.Bucket::end).as(w).containsExactlyElementsOf(
                expected.stream().map(Timeline.Bucket::end).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertFigures(t.items().get(i).figures(), expected.get(i).figures(), w + " " + expected.get(i).start());
        }
    }

    private static void checkHeatmap(Heatmap h, List<L> in, StatsRange range, String what) {
        ZoneId zone = range.zone();
        List<String> expected = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            DayOfWeek weekday = range.weekStart().plus(d);
            for (int hour = 0; hour < 24; hour++) {
                int hh = hour;
                List<L> cell = in.stream().filter(l -> !l.skip()).filter(l -> {
                    ZonedDateTime local = l.at().atZone(zone);
                    return local.getDayOfWeek() == weekday && local.getHour() == hh;
                }).toList();
                expected.add(weekday.getValue() + "@" + hour + ":" + cell.size() + "/" + figures(cell).listeningTimeMs());
            }
        }
        assertThat(h.items()).extracting(c -> c.weekday() + "@" + c.hour() + ":" + c.plays() + "/" + c.listeningTimeMs())
                .as("heatmap " + what).containsExactlyElementsOf(expected);
    }

    private static void checkClock(Clock c, List<L> in, StatsRange range, String what) {
        ZoneId zone = range.zone();
        List<String> expected = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            int hh = hour;
            List<L> cell = in.stream().filter(l -> !l.skip())
                    .filter(l -> LocalDateTime.ofInstant(l.at(), zone).getHour() == hh).toList();
            expected.add(hour + ":" + cell.size() + "/" + figures(cell).listeningTimeMs());
        }
        assertThat(c.items()).extracting(x -> x.hour() + ":" + x.plays() + "/" + x.listeningTimeMs())
                .as("clock " + what).containsExactlyElementsOf(expected);
    }
}