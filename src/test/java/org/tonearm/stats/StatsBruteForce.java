package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;
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
            List<Long> artistIds, Long albumId) {

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
                l.path("track").path("artists").forEach(a -> artists.add(a.path("id").asLong()));
                JsonNode album = l.path("album");
                out.add(new L(l.path("id").asLong(), Instant.parse(l.path("listened_at").asString()),
                        l.path("classification").asString().equals("SKIP"), l.path("weight").asDouble(),
                        l.path("duration_played_ms").isNull() ? null : l.path("duration_played_ms").asLong(),
                        l.path("track_length_ms").isNull() ? null : l.path("track_length_ms").asLong(),
                        l.path("track").path("id").asLong(), artists,
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
        Instant i = START.plusSeconds(random.nextLong(86_400L * 1000));
        requests.add(new RangeRequest(null, null, null, i.toString(), i.plusSeconds(random.nextLong(86_400L * 200)).toString()));
        // six of the ten ranges per check keep the class near a minute per database; tries cover them all
        java.util.Collections.shuffle(requests, random);
        for (RangeRequest request : requests.subList(0, 6)) {
            StatsRange range = stats.resolve(userId, request);
            if (zone != null) {
                assertThat(range.zone()).as("the zone %s is resolved in", request).isEqualTo(zone);
            }
            checkBounds(request, range, listens);
            List<L> in = listens.stream().filter(l -> !l.at().isBefore(range.from()) && l.at().isBefore(range.to())).toList();
            String what = request + " in " + range.zone() + " week from " + range.weekStart();
            checkOverview(stats.overview(userId, range), in, listens, range, what);
            for (Entity kind : Entity.values()) {
                for (TopOrder order : TopOrder.values()) {
                    checkTop(stats.top(userId, range, kind, order, 1000, 0), in, kind, order, what);
                }
            }
            for (Step step : List.of(Step.DAY, Step.WEEK, Step.MONTH)) {
                checkTimeline(stats.timeline(userId, range, step), in, range, step, what);
            }
            checkHeatmap(stats.heatmap(userId, range), in, range, what);
            checkClock(stats.clock(userId, range), in, range, what);
        }
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
        Map<Long, Figures> figures = new HashMap<>();
        groups.forEach((id, ls) -> figures.put(id, figures(ls)));
        figures.values().removeIf(f -> f.plays() == 0);
        Comparator<Long> byPlays = Comparator.comparingLong(id -> -figures.get(id).plays());
        Comparator<Long> byTime = Comparator.comparingLong(id -> -figures.get(id).listeningTimeMs());
        Comparator<Long> cmp = (order == TopOrder.PLAYS ? byPlays.thenComparing(byTime) : byTime.thenComparing(byPlays))
                .thenComparing(Function.identity());
        List<Long> expected = figures.keySet().stream().sorted(cmp).toList();
        String w = "top " + kind + " by " + order + " " + what;
        assertThat(page.total()).as("total " + w).isEqualTo(expected.size());
        assertThat(page.items()).extracting(TopItem::id).as(w).containsExactlyElementsOf(expected);
        for (TopItem item : page.items()) {
            assertFigures(item.figures(), figures.get(item.id()), w + " #" + item.id());
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