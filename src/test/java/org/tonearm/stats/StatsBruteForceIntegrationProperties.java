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
import org.tonearm.listens.LocalTimes;
import org.tonearm.listens.internal.RelocationRunner;
import org.tonearm.stats.StatsBruteForce.L;
import org.tonearm.stats.internal.rollup.RollupRebuilder;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 7: every view of {@link StatsService} (overview, top, timeline, heatmap, clock, streaks, discoveries,
 * insights, the entity pages and the year in review) over random small histories equals a brute-force computation
 * written here from docs/api.md#statistics "Definitions" over the raw listens read back from the listens API — after deletes,
 * corrections, a range delete and a timezone change, in zones with unusual rules (DST both ways, Lord Howe's 30-minute
 * shift, +05:45, +14) and with weeks starting on Monday or Sunday. Local days and hours are computed here from the
 * instants, never taken from the stored local_day ({@link StatsBruteForce}). Cross-source merges (a later Spotify
 * report of a stored play moves it to Spotify's start time) are in every try. A timezone change is checked twice: while
 * its background job is held (exact in the previous zone, docs in the stats package) and after it (exact in the new
 * zone). After every try the rollup rebuild (the {@code stats rebuild} command) must find nothing to change.
 *
 * <p>The stats clock is the real clock, so histories span 2024-01-01 (a leap year: 29 February and both year ends)
 * to a minute ago, with extra weight on the last days so that {@code 7d} and {@code this_month} are not empty.
 */
class StatsBruteForceIntegrationProperties {

    private static final List<String> ZONES = List.of("America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
            "Pacific/Kiritimati", "UTC");
    private static final Instant START = StatsBruteForce.START;
    private static ConfigurableApplicationContext context;

    private static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--tonearm.registration=open",
                    "--tonearm.rate-limit.per-ip.capacity=1000000", "--tonearm.rate-limit.login-per-ip.capacity=1000000",
                    "--tonearm.rate-limit.per-token.capacity=1000000"));
            TestDatabase.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
            context = new SpringApplicationBuilder(TonearmApplication.class).run(args.toArray(String[]::new));
        }
        return context;
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private static Api api() {
        return new Api(Integer.parseInt(context().getEnvironment().getProperty("local.server.port")));
    }

    @Property(tries = 15)
    void everyViewEqualsTheBruteForce(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Api.User user = api().newUser();
        Api me = user.api();
        StatsService stats = context().getBean(StatsService.class);
        String zone = ZONES.get(random.nextInt(ZONES.size()));
        String weekStart = random.nextBoolean() ? "MONDAY" : "SUNDAY";
        patchMe(me, Map.of("timezone", zone, "week_start", weekStart));

        List<Map<String, Object>> listens = new ArrayList<>();
        int count = 5 + random.nextInt(36);
        for (int i = 0; i < count; i++) {
            // near midnight in the user's zone or in another one: the zone they will change to later
            listens.add(randomListen(random, ZoneId.of(random.nextBoolean() ? zone : ZONES.get(random.nextInt(ZONES.size())))));
        }
        Api.Response posted = me.post("/api/v1/listens", Map.of("listens", listens));
        assertThat(posted.status()).as(posted.body()).isIn(200, 207);
        StatsBruteForce.assertViews(stats, user.id(), StatsBruteForce.readBack(me), random, ZoneId.of(zone));

        // merges: some of the same plays reported by Spotify up to 4 minutes later (its start time wins, which can move
        // a play into another local day)
        List<Map<String, Object>> again = new ArrayList<>();
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            Map<String, Object> report = new LinkedHashMap<>(listens.get(random.nextInt(listens.size())));
            report.put("listened_at", (long) report.get("listened_at") + random.nextInt(240));
            report.put("service", "spotify");
            report.put("duration_played_ms", 30_000L + random.nextInt(300_000));
            again.add(report);
        }
        Api.Response reported = me.post("/api/v1/listens", Map.of("listens", again));
        assertThat(reported.status()).as(reported.body()).isIn(200, 207);
        assertThat(reported.json().path("merged").asInt()).as(reported.body()).isPositive();
        assertRollupsExact(user.id(), "after merges");
        List<L> all = StatsBruteForce.readBack(me);
        if (!all.isEmpty()) { // delete one
            assertThat(me.delete("/api/v1/listens/" + all.get(random.nextInt(all.size())).id()).status()).isEqualTo(204);
        }
        all = StatsBruteForce.readBack(me);
        if (!all.isEmpty()) { // correct one: other credits, album, length
            Map<String, Object> correction = new LinkedHashMap<>();
            correction.put("artist", artistName(random));
            correction.put("track", "Track " + random.nextInt(6));
            correction.put("album", random.nextBoolean() ? "Album " + random.nextInt(3) : null);
            correction.put("track_length_ms", 20_000L + random.nextInt(400_000));
            Api.Response r = me.patch("/api/v1/listens/" + all.get(random.nextInt(all.size())).id(), correction);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertRollupsExact(user.id(), "after a delete and a correction");
        StatsBruteForce.assertViews(stats, user.id(), StatsBruteForce.readBack(me), random, ZoneId.of(zone));

        all = StatsBruteForce.readBack(me);
        if (all.size() > 2) { // range delete between two listens' instants
            Instant a = all.get(random.nextInt(all.size())).at();
            Instant b = all.get(random.nextInt(all.size())).at();
            Instant from = a.isBefore(b) ? a : b;
            Instant to = (a.isBefore(b) ? b : a).plusMillis(1);
            Api.Response r = me.delete("/api/v1/listens?from=" + from + "&to=" + to);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertRollupsExact(user.id(), "after a range delete");
        // a timezone change: exact in the previous zone until the background job is done, then in the new one
        String newZone = ZONES.get(random.nextInt(ZONES.size()));
        RelocationRunner relocations = context().getBean(RelocationRunner.class);
        try (AutoCloseable held = relocations.hold()) {
            patchMe(me, Map.of("timezone", newZone, "week_start", random.nextBoolean() ? "MONDAY" : "SUNDAY"));
            StatsBruteForce.assertViews(stats, user.id(), StatsBruteForce.readBack(me), random,
                    ZoneId.of(StatsBruteForce.readBack(me).isEmpty() ? newZone : zone));
        }
        awaitRelocated(user.id());
        StatsBruteForce.assertViews(stats, user.id(), StatsBruteForce.readBack(me), random, ZoneId.of(newZone));

        assertRollupsExact(user.id(), "after the timezone job");
    }

    /** What the {@code stats rebuild} command would do: nothing, the rollups being exact after every write. */
    private static void assertRollupsExact(long userId, String when) {
        RollupRebuilder rebuilder = context().getBean(RollupRebuilder.class);
        Database db = context().getBean(Database.class);
        RollupRebuilder.Report report = db.read(() -> rebuilder.check(userId));
        assertThat(report.changed()).as("stats rebuild finds the rollups already right %s: %s", when, report).isFalse();
    }

    private static void awaitRelocated(long userId) throws InterruptedException {
        LocalTimes localTimes = context().getBean(LocalTimes.class);
        long deadline = System.currentTimeMillis() + 30_000;
        while (localTimes.relocating(userId) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(localTimes.relocating(userId)).as("the timezone job is done within 30 s").isFalse();
    }

    private static void patchMe(Api me, Map<String, Object> body) {
        Api.Response r = me.patch("/api/v1/me", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String artistName(Random random) {
        String main = "Artist " + random.nextInt(5);
        return random.nextInt(4) == 0 ? main + " feat. Guest " + random.nextInt(3) : main;
    }

    /** Instants that stress local days: near local midnight, around DST switches, 29 February, year ends, recent. */
    private static Map<String, Object> randomListen(Random random, ZoneId zone) {
        Instant now = Instant.now().minusSeconds(120);
        Instant at = switch (random.nextInt(6)) {
            case 0 -> nearMidnight(random, zone, LocalDate.of(2024, 2, 28).plusDays(random.nextInt(3)));
            case 1 -> nearMidnight(random, zone, LocalDate.of(2024 + random.nextInt(2), 12, 31).plusDays(random.nextInt(2)));
            case 2 -> nearMidnight(random, zone, StatsBruteForce.pick(random, LocalDate.of(2025, 3, 9), LocalDate.of(2025, 11, 2),
                    LocalDate.of(2025, 4, 6), LocalDate.of(2025, 10, 5), LocalDate.of(2024, 3, 10)))
                    .plus(random.nextInt(4), ChronoUnit.HOURS);
            case 3 -> now.minusSeconds(random.nextLong(10L * 86_400));
            case 4 -> now.minusSeconds(random.nextLong(40L * 86_400));
            default -> START.plusSeconds(random.nextLong(Duration.between(START, now).getSeconds()));
        };
        if (at.isAfter(now)) {
            at = now.minusSeconds(random.nextInt(3600));
        }
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("artist", artistName(random));
        l.put("track", "Track " + random.nextInt(6));
        if (random.nextBoolean()) {
            l.put("album", "Album " + random.nextInt(3));
        }
        l.put("listened_at", at.getEpochSecond());
        Long length = random.nextInt(4) == 0 ? null : 20_000L + random.nextInt(400_000);
        if (length != null) {
            l.put("track_length_ms", length);
        }
        if (random.nextInt(3) != 0) { // played: often short (SKIP), sometimes partial or full
            long max = length != null ? length : 400_000;
            l.put("duration_played_ms", (long) random.nextInt((int) max + 1));
        }
        return l;
    }

    private static Instant nearMidnight(Random random, ZoneId zone, LocalDate day) {
        return day.atStartOfDay(zone).toInstant().plusSeconds(random.nextInt(1200) - 600);
    }

}
