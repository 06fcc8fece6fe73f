package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.STATS_DAY;
import static org.tonearm.schema.Tables.STATS_DAY_TRACK;
import static org.tonearm.schema.Tables.STATS_TRACK;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.listens.LocalTimes;
import org.tonearm.listens.internal.RelocationRunner;
import org.tonearm.stats.internal.rollup.RollupRebuilder;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 5: the rollups follow every write in its own transaction — ingest, cross-source merges, corrections,
 * deletes, range deletes, account-export restores, a timezone change (a background job, during which the statistics stay exact in the previous zone) — so that a rebuild from the raw listens finds nothing to change.
 */
class RollupIntegrationTests extends IntegrationTestBase {

    @Autowired
    RollupRebuilder rebuilder;

    @Autowired
    StatsService stats;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    RelocationRunner relocations;

    @Autowired
    LocalTimes localTimes;

    @Autowired
    org.tonearm.imports.internal.jobs.ImportJobService imports;

    private static Map<String, Object> listen(String artist, String track, String at, Long played, String service) {
        Map<String, Object> l = new HashMap<>(Map.of("artist", artist, "track", track, "listened_at", at,
                "track_length_ms", 200_000, "album", "Album of " + artist));
        if (played != null) {
            l.put("duration_played_ms", played);
        }
        if (service != null) {
            l.put("service", service);
        }
        return l;
    }

    /** The newest listen of that title (the API lists newest first). */
    private static long idOf(Api me, String title) {
        return me.get("/api/v1/listens?limit=100").json().path("listens").valueStream()
                .filter(l -> l.path("track").path("title").asString().equals(title)).findFirst().orElseThrow()
                .path("id").asLong();
    }

    private RollupRebuilder.Report check(long userId) {
        return database.write(() -> rebuilder.rebuild(userId));
    }

    private long create(Api me, Map<String, Object> listen) {
        Api.Response r = me.post("/api/v1/listens", listen);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().path("listen").path("id").asLong();
    }

    @Test
    void everyKindOfWriteLeavesRollupsThatARebuildDoesNotChange() {
        Api.User user = api().newUser();
        Api me = user.api();
        Api.Response batch = me.post("/api/v1/listens", Map.of("listens", List.of(
                listen("Björk", "Hyperballad", "2024-02-29T23:59:00Z", 200_000L, "youtube_music"),
                listen("Björk", "Jóga", "2024-03-01T08:00:00Z", 3_000L, null), // a skip
                listen("Sade", "Smooth Operator", "2024-03-01T09:00:00Z", null, null),
                listen("Sade", "Smooth Operator", "2024-03-02T09:00:00Z", 150_000L, null))));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(check(user.id()).changed()).isFalse();

        // the same play reported by Spotify 70 s later: merged, the higher-priority source's start time wins
        Api.Response merged = me.post("/api/v1/listens",
                listen("Björk", "Hyperballad", "2024-03-01T00:00:10Z", 210_000L, "spotify"));
        assertThat(merged.json().path("status").asString()).isEqualTo("merged");
        assertThat(check(user.id()).changed()).isFalse();
        StatsRange march = stats.resolve(user.id(), new RangeRequest(null, null, "2024-03", null, null));
        assertThat(stats.overview(user.id(), march).figures().plays()).isEqualTo(3); // Hyperballad moved into March

        long jogaId = idOf(me, "Jóga");
        long smoothId = idOf(me, "Smooth Operator");
        assertThat(me.patch("/api/v1/listens/" + smoothId, Map.of("artist", "Sade Adu")).status()).isEqualTo(200);
        assertThat(check(user.id()).changed()).isFalse();
        assertThat(stats.top(user.id(), march, Entity.ARTISTS, TopOrder.PLAYS, 10, 0).items())
                .extracting(TopItem::name, i -> i.figures().plays())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Björk", 1L),
                        org.assertj.core.groups.Tuple.tuple("Sade", 1L),
                        org.assertj.core.groups.Tuple.tuple("Sade Adu", 1L));

        assertThat(me.delete("/api/v1/listens/" + jogaId).status()).isEqualTo(204);
        assertThat(check(user.id()).changed()).isFalse();
        assertThat(me.delete("/api/v1/listens?from=2024-03-02T00:00:00Z&to=2024-03-03T00:00:00Z").status())
                .isEqualTo(200);
        assertThat(check(user.id()).changed()).isFalse();
        Overview o = stats.overview(user.id(), march);
        assertThat(o.figures().plays()).isEqualTo(2);
        assertThat(o.figures().listeningTimeMs()).isEqualTo(210_000L + 200_000L);
        assertThat(o.figures().estimatedTimeMs()).isEqualTo(200_000L);
    }

    @Test
    void deletingATracksFirstPlayMovesItsFirstPlayAndDeletingALaterOneKeepsIt() {
        Api.User user = api().newUser();
        Api me = user.api();
        assertThat(me.post("/api/v1/listens", Map.of("listens", List.of(
                listen("Portishead", "Roads", "2024-01-01T10:00:00Z", 300_000L, null),
                listen("Portishead", "Roads", "2024-02-01T10:00:00Z", 300_000L, null),
                listen("Portishead", "Roads", "2024-03-01T10:00:00Z", 300_000L, null)))).status()).isEqualTo(200);
        StatsRange all = stats.resolve(user.id(), RangeRequest.named("all_time"));

        // a later play: the first stays (and the rollups need no recomputation for it)
        assertThat(me.delete("/api/v1/listens?from=2024-02-01T00:00:00Z&to=2024-02-02T00:00:00Z").status())
                .isEqualTo(200);
        assertThat(check(user.id()).changed()).isFalse();
        assertThat(stats.discoveries(user.id(), all, Entity.TRACKS, 10, 0).items().get(0).firstListenedAt())
                .isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));

        // the first play itself: the next one becomes the first
        assertThat(me.delete("/api/v1/listens?from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z").status())
                .isEqualTo(200);
        assertThat(check(user.id()).changed()).isFalse();
        assertThat(stats.discoveries(user.id(), all, Entity.TRACKS, 10, 0).items().get(0).firstListenedAt())
                .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
    }

    private List<Integer> storedDays(long userId) {
        return database.dsl().selectDistinct(LISTENS.LOCAL_DAY).from(LISTENS).where(LISTENS.USER_ID.eq(userId))
                .fetch(LISTENS.LOCAL_DAY);
    }

    private void awaitRelocated(long userId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (localTimes.relocating(userId) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(localTimes.relocating(userId)).as("the timezone job is done within 30 s").isFalse();
    }

    @Test
    void aTimezoneChangeMovesLocalDaysAndRollupsInABackgroundJobAndStatsStayExactInTheOldZoneMeanwhile()
            throws Exception {
        Api.User user = api().newUser();
        Api me = user.api();
        create(me, listen("Nujabes", "Aruarian Dance", "2024-05-01T20:30:00Z", 200_000L, null));
        RangeRequest mayFirst = new RangeRequest(null, null, null, "2024-05-01", "2024-05-01");
        RangeRequest maySecond = new RangeRequest(null, null, null, "2024-05-02", "2024-05-02");
        assertThat(stats.overview(user.id(), stats.resolve(user.id(), mayFirst)).figures().plays()).isEqualTo(1);

        try (AutoCloseable held = relocations.hold()) {
            Api.Response patched = me.patch("/api/v1/me", Map.of("timezone", "Asia/Tokyo"));
            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.json().path("timezone").asString()).isEqualTo("Asia/Tokyo");
            assertThat(localTimes.relocating(user.id())).isTrue();
            // a listen arriving meanwhile is stored in the zone the others are still in (UTC: 23:30 on 1 May)
            create(me, listen("Nujabes", "Feather", "2024-05-01T23:30:00Z", 200_000L, null));
            // meanwhile: nothing moved, and the statistics answer exactly, in UTC, and say so
            assertThat(storedDays(user.id())).containsExactly((int) LocalDate.of(2024, 5, 1).toEpochDay());
            JsonNode overview = me.get("/api/v1/stats/overview?from=2024-05-01&to=2024-05-01").json();
            assertThat(overview.path("range").path("timezone").asString()).isEqualTo("UTC");
            assertThat(overview.path("items").get(0).path("plays").asLong()).isEqualTo(2);
            assertThat(stats.overview(user.id(), stats.resolve(user.id(), maySecond)).figures().plays()).isZero();
        }
        awaitRelocated(user.id());

        // 20:30 and 23:30 UTC are 05:30 and 08:30 on 2 May in Tokyo
        assertThat(storedDays(user.id())).containsExactly((int) LocalDate.of(2024, 5, 2).toEpochDay());
        assertThat(check(user.id()).changed()).isFalse();
        StatsRange tokyoFirst = stats.resolve(user.id(), mayFirst);
        StatsRange tokyoSecond = stats.resolve(user.id(), maySecond);
        assertThat(tokyoSecond.zone()).isEqualTo(java.time.ZoneId.of("Asia/Tokyo"));
        assertThat(stats.overview(user.id(), tokyoFirst).figures().plays()).isZero();
        assertThat(stats.overview(user.id(), tokyoSecond).figures().plays()).isEqualTo(2);
        assertThat(stats.heatmap(user.id(), tokyoSecond).items()).filteredOn(c -> c.plays() > 0)
                .extracting(Heatmap.Cell::hour).containsExactly(5, 8);
        JsonNode overview = me.get("/api/v1/stats/overview?from=2024-05-02&to=2024-05-02").json();
        assertThat(overview.path("range").path("timezone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(overview.path("items").get(0).path("plays").asLong()).isEqualTo(2);
    }

    @Test
    void aPendingTimezoneJobOutlivesAStoppedRunnerAndRunsWhenItStartsAgain() throws Exception {
        Api.User user = api().newUser();
        Api me = user.api();
        create(me, listen("Burial", "Archangel", "2024-06-30T23:30:00Z", 200_000L, null));
        try (AutoCloseable held = relocations.hold()) {
            assertThat(me.patch("/api/v1/me", Map.of("timezone", "Europe/Paris")).status()).isEqualTo(200);
            // the node stops (or dies: the job's one transaction rolls back): the request stays in the table
            relocations.stop();
            assertThat(localTimes.relocating(user.id())).isTrue();
            assertThat(storedDays(user.id())).containsExactly((int) LocalDate.of(2024, 6, 30).toEpochDay());
        } finally {
            relocations.start();
        }
        awaitRelocated(user.id());
        assertThat(storedDays(user.id())).containsExactly((int) LocalDate.of(2024, 7, 1).toEpochDay());
        assertThat(check(user.id()).changed()).isFalse();
    }

    @Test
    void aTimezoneChangeOfAnAccountWithoutListensNeedsNoJob() {
        Api.User user = api().newUser();
        try (AutoCloseable held = relocations.hold()) {
            assertThat(user.api().patch("/api/v1/me", Map.of("timezone", "Asia/Kathmandu")).status()).isEqualTo(200);
            assertThat(localTimes.relocating(user.id())).isFalse();
            assertThat(stats.resolve(user.id(), RangeRequest.named("today")).zone())
                    .isEqualTo(java.time.ZoneId.of("Asia/Kathmandu"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAccountExportRestoredIntoAnAccountWithListensKeepsTheRollupsExact() throws Exception {
        Api.User a = api().newUser();
        assertThat(a.api().patch("/api/v1/me", Map.of("timezone", "Asia/Kathmandu")).status()).isEqualTo(200);
        a.api().post("/api/v1/listens", Map.of("listens", List.of(
                listen("Portishead", "Roads", "2024-12-31T18:20:00Z", 200_000L, null), // 00:05 on 1 Jan in Kathmandu
                listen("Portishead", "Glory Box", "2024-02-29T18:10:00Z", 3_000L, null))));
        assertThat(a.api().post("/api/v1/listens", listen("Portishead", "Roads", "2024-12-31T18:21:00Z", 210_000L,
                "spotify")).json().path("status").asString()).isEqualTo("merged");
        java.net.http.HttpResponse<byte[]> export = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/exports/account")).header("Authorization", "Bearer " + a.accessToken()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);

        Api.User b = api().newUser(); // in UTC, with a listen of its own
        create(b.api(), listen("Massive Attack", "Teardrop", "2024-12-31T23:00:00Z", 200_000L, null));
        java.nio.file.Path zip = java.nio.file.Files.createTempFile("account", ".zip");
        java.nio.file.Files.write(zip, export.body());
        long job = imports.submitCopy(b.id(), zip, null).id();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!imports.view(b.id(), job).status().equals("completed") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        java.nio.file.Files.deleteIfExists(zip);
        assertThat(imports.view(b.id(), job).imported()).isEqualTo(2);
        assertThat(check(b.id()).changed()).as("rollups right after the restore").isFalse();
        awaitRelocated(b.id()); // the restored settings moved B to Kathmandu
        assertThat(check(b.id()).changed()).as("rollups right after the timezone job").isFalse();

        // in Kathmandu: Roads on 1 Jan 2025 for both, Teardrop (23:00 UTC) at 04:45 on 1 Jan 2025 for B
        StatsRange newYear = stats.resolve(b.id(), new RangeRequest(null, null, null, "2025-01-01", "2025-01-01"));
        assertThat(newYear.zone()).isEqualTo(java.time.ZoneId.of("Asia/Kathmandu"));
        assertThat(stats.top(b.id(), newYear, Entity.TRACKS, TopOrder.PLAYS, 10, 0).items())
                .extracting(TopItem::name, i -> i.figures().plays(), i -> i.figures().listeningTimeMs())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Roads", 1L, 210_000L),
                        org.assertj.core.groups.Tuple.tuple("Teardrop", 1L, 200_000L));
        StatsRange leapDay = stats.resolve(b.id(), new RangeRequest(null, null, null, "2024-02-29", "2024-02-29"));
        assertThat(stats.overview(b.id(), leapDay).figures().skips()).isEqualTo(1);
    }

    @Test
    void theRebuildCommandRepairsBrokenRollupsAndThenReportsNothingToChange() {
        Api.User user = api().newUser();
        create(user.api(), listen("Can", "Vitamin C", "2024-01-10T10:00:00Z", 200_000L, null));
        database.writeVoid(() -> {
            database.dsl().update(STATS_DAY_TRACK).set(STATS_DAY_TRACK.PLAYS, 7L)
                    .where(STATS_DAY_TRACK.USER_ID.eq(user.id())).execute();
            database.dsl().update(STATS_TRACK).set(STATS_TRACK.PLAYS, 7L).setNull(STATS_TRACK.FIRST_AT)
                    .where(STATS_TRACK.USER_ID.eq(user.id())).execute();
            database.dsl().deleteFrom(STATS_DAY).where(STATS_DAY.USER_ID.eq(user.id())).execute();
        });

        String first = run(user.username());
        assertThat(first).contains(user.username() + ": rebuilt — day/track rows 1 added, 1 removed; day/hour rows 0"
                + " added, 0 removed; day rows 1 added, 0 removed; all-time track rows 1 added, 1 removed; weekday/hour"
                + " rows 0 added, 0 removed");
        String second = run(user.username());
        assertThat(second).contains(user.username() + ": unchanged").contains("1 user(s) checked, 0 rebuilt");
        StatsRange all = stats.resolve(user.id(), RangeRequest.named("all_time"));
        assertThat(stats.overview(user.id(), all).figures().plays()).isEqualTo(1);
        assertThat(stats.top(user.id(), all, Entity.TRACKS, TopOrder.PLAYS, 10, 0).items().get(0).figures().plays())
                .isEqualTo(1);
        assertThat(stats.discoveries(user.id(), all, Entity.TRACKS, 10, 0).items().get(0).firstListenedAt())
                .isEqualTo(Instant.parse("2024-01-10T10:00:00Z"));
    }

    private String run(String username) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = StatsCommandLine.rebuild(context, username, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
