package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.imports.internal.jobs.ImportJobService;
import org.tonearm.stats.internal.rollup.RollupRebuilder;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * Issue 11 item 7: ListenBrainz {@code submit-listens} over HTTP from two clients and a ListenBrainz-export import
 * write the same user's history at the same time, partly the same plays (so the funnel merges and drops duplicates
 * across the writers). Afterwards every rollup-backed view over every kind of range equals the brute force over the
 * stored listens, and a rollup rebuild finds nothing to change.
 */
class StatsConcurrentWritesIntegrationTests extends IntegrationTestBase {

    private static final Instant START = StatsBruteForce.START;

    @Autowired
    ImportJobService imports;

    @Autowired
    StatsService stats;

    @Autowired
    RollupRebuilder rebuilder;

    /** One ListenBrainz listen; the same (seed-derived) plays go to the API and into the import file. */
    private static String lbListen(Random random, Instant now) {
        Instant at = random.nextInt(3) == 0 ? now.minusSeconds(random.nextLong(20L * 86_400))
                : START.plusSeconds(random.nextLong(Duration.between(START, now).getSeconds()));
        int artist = random.nextInt(6);
        String release = random.nextBoolean() ? ", \"release_name\": \"Album " + artist + "\"" : "";
        String info = random.nextInt(4) == 0 ? ""
                : ", \"additional_info\": {\"duration_ms\": " + (20_000 + random.nextInt(400_000)) + "}";
        return "{\"listened_at\": " + at.getEpochSecond() + ", \"track_metadata\": {\"artist_name\": \"Artist "
                + artist + "\", \"track_name\": \"Track " + random.nextInt(8) + "\"" + release + info + "}}";
    }

    @Test
    void listenBrainzSubmissionsAndAnImportAtOnceLeaveEveryViewEqualToTheBruteForce() throws Exception {
        Api.User user = api().newUser();
        assertThat(user.api().patch("/api/v1/me", Map.of("timezone", "America/New_York", "week_start", "SUNDAY"))
                .status()).isEqualTo(200);
        String token = user.api().post("/api/v1/me/tokens", Map.of("name", "lb")).json().path("token").asString();
        Instant now = Instant.now().minusSeconds(120);
        Random random = new Random(11);
        List<String> plays = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            plays.add(lbListen(random, now));
        }
        // the import holds the first 1,200 plays, the API clients send the last 600: 300 in both, 1,500 distinct
        Path file = Files.createTempFile("concurrent", ".json");
        Files.writeString(file, "[" + String.join(",", plays.subList(0, 1_200)) + "]");
        List<String> api = plays.subList(900, 1_500);

        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            long job = imports.submitCopy(user.id(), file, "listenbrainz").id();
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int client = c;
                sent.add(clients.submit(() -> {
                    Api lb = api().auth("Token " + token);
                    for (int from = client * 10; from < api.size(); from += 20) { // batches of 10, interleaved
                        String body = "{\"listen_type\": \"import\", \"payload\": ["
                                + String.join(",", api.subList(from, Math.min(from + 10, api.size()))) + "]}";
                        Api.Response r = lb.send("POST", "/apis/listenbrainz/1/submit-listens", body,
                                "application/json");
                        assertThat(r.status()).as(r.body()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            long deadline = System.currentTimeMillis() + 120_000;
            while (!imports.view(user.id(), job).status().equals("completed")
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(imports.view(user.id(), job).status()).isEqualTo("completed");
        } finally {
            clients.shutdownNow();
            Files.deleteIfExists(file);
        }

        List<StatsBruteForce.L> stored = StatsBruteForce.readBack(user.api());
        // 1,500 distinct plays in 1,800 reports: the 300 that both writers sent are stored once (a couple of the
        // random plays may coincide and merge too)
        assertThat(stored.size()).as("plays sent by both writers are stored once").isBetween(1_490, 1_500);
        RollupRebuilder.Report report = database.write(() -> rebuilder.rebuild(user.id()));
        assertThat(report.changed()).as("the rollups are exactly what a rebuild computes: %s", report).isFalse();
        Random ranges = new Random(7);
        for (int round = 0; round < 2; round++) { // six of the ten kinds of range per round
            StatsBruteForce.assertViews(stats, user.id(), stored, ranges, java.time.ZoneId.of("America/New_York"));
        }
    }
}
