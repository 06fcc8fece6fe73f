package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.lines;
import static org.tonearm.imports.Uploads.utf8;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;
import org.tonearm.testsupport.Api;

/**
 * docs/api.md#imports-and-exports "resumes after a crash without loss or duplicates": a job runs in a child JVM that is killed with
 * SIGKILL (Process#destroyForcibly) after its second batch committed; a new application instance on the same
 * database re-claims the stale job and finishes it. The result must equal an uninterrupted import of the same file.
 */
class ImportResumeIntegrationTests {

    private static final long JAN_2024 = 1_704_067_200L;

    private final ScratchDatabase db = new ScratchDatabase();
    private Process child;
    private ConfigurableApplicationContext restarted;
    private String claimAtCrash;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (restarted != null) {
            restarted.close();
        }
        db.drop();
    }

    @Test
    void aJobKilledMidwayResumesToTheSameRowsAndCountsAsAnUninterruptedRun() throws Exception {
        byte[] file = utf8(crawlingFile());
        int childPort = freePort();
        child = startChild(childPort);
        Api childApi = new Api(childPort);
        awaitUp(childPort, child);
        Api.User interrupted = childApi.newUser();
        long jobA = Uploads.upload(childPort, interrupted.accessToken(), "h.testlines", file, null).json().path("id").asLong();

        // killed while its sorted listens are being committed (docs/formats.md#row-order): some batches are in
        awaitCheckpoint(jobA, 3_000);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Map<String, Long> atCrash = job(jobA);
        try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery(
                "select claimed_by from import_jobs where id = " + jobA)) {
            r.next();
            claimAtCrash = r.getString(1);
        }
        assertThat(atCrash.get("status_running")).isEqualTo(1L);
        assertThat(listenRows(interrupted.id())).hasSize(atCrash.get("imported").intValue());

        restarted = startInProcess();
        // issue #16: the restarted node (same data directory, so the same node id) takes its job back at once,
        // not after the 2-minute stale heartbeat (stale-after is left at its default here)
        awaitRunningAgain(jobA, 10_000);
        int port = restarted.getEnvironment().getProperty("local.server.port", Integer.class);
        Api.User uninterrupted = new Api(port).newUser();
        long jobB = Uploads.upload(port, uninterrupted.accessToken(), "h.testlines", file, null).json().path("id").asLong();
        awaitCompleted(jobA);
        awaitCompleted(jobB);

        Map<String, Long> a = job(jobA);
        Map<String, Long> b = job(jobB);
        for (String counter : List.of("imported", "merged", "duplicates", "skipped", "failed", "errors")) {
            assertThat(a.get(counter)).as(counter).isEqualTo(b.get(counter));
        }
        assertThat(atCrash.get("imported")).isBetween(3_000L, 17_197L);
        assertThat(a.get("imported")).isEqualTo(17_198);
        assertThat(a.get("failed")).isEqualTo(2);
        assertThat(listenRows(interrupted.id())).containsExactlyElementsOf(listenRows(uninterrupted.id()));

        // this instance runs with a 1 MB upload limit (tonearm.imports.max-upload-size): one byte more is refused
        Api.Response tooLarge = Uploads.upload(port, uninterrupted.accessToken(), "big.testlines",
                new byte[1024 * 1024 + 1], null);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    /**
     * 17,198 plays, two skipped and two bad rows, and slow rows (3 s of reading) after line 2,000: the job reads the
     * whole file, then commits its sorted listens in 18 batches, among which it is killed.
     */
    private static String crawlingFile() {
        StringBuilder sb = new StringBuilder(lines(1_998, JAN_2024)).append("#skip\nbad row\n");
        for (int i = 0; i < 200; i++) {
            sb.append("#crawl 15\n").append("Late ").append(i % 11).append("|Tune ").append(i).append('|')
                    .append(JAN_2024 + 10_000_000 + i * 300L).append("|180000\n");
        }
        return sb.append("#skip\nanother bad row\n").append(lines(15_000, JAN_2024 + 20_000_000)).toString();
    }

    private Process startChild(int port) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
                "-D" + TestLinesFormat.CRAWL_PROPERTY + "=true",
                "-cp", classPath(), TonearmApplication.class.getName(),
                "--server.port=" + port, "--tonearm.registration=open", "--tonearm.imports.poll-interval=200ms",
                "--tonearm.imports.batch-size=1000",
                "--logging.level.root=warn"));
        db.properties().forEach((k, v) -> cmd.add("--" + k + "=" + v));
        File log = File.createTempFile("tonearm-child-", ".log");
        // another working directory: Liquibase would otherwise find target/classes/db/… relative to it and record
        // different changelog paths than an in-process start does
        return new ProcessBuilder(cmd).directory(log.getParentFile()).redirectErrorStream(true).redirectOutput(log).start();
    }

    private ConfigurableApplicationContext startInProcess() {
        // as arguments: application.yaml would outrank the builder's default properties
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--tonearm.registration=open",
                "--tonearm.imports.poll-interval=200ms",
                "--tonearm.imports.batch-size=1000",
                "--tonearm.imports.max-upload-size=1MB"));
        db.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(TonearmApplication.class).run(args.toArray(String[]::new));
    }

    private static void awaitUp(int port, Process process) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(process.isAlive()).as("child JVM alive").isTrue();
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("child application did not start");
    }

    private void awaitCheckpoint(long jobId, long row) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (job(jobId).get("checkpoint_sorted") < row) {
            assertThat(System.currentTimeMillis()).as("checkpoint reached").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The job is claimed again (or already done) within {@code ms} of the restart. */
    private void awaitRunningAgain(long jobId, long ms) throws Exception {
        long deadline = System.currentTimeMillis() + ms;
        while (true) {
            try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery(
                    "select status, claimed_by from import_jobs where id = " + jobId)) {
                r.next();
                String claimedBy = r.getString(2);
                if (r.getString(1).equals("completed") || (r.getString(1).equals("running") && claimedBy != null
                        && !claimedBy.equals(claimAtCrash))) {
                    return;
                }
            }
            assertThat(System.currentTimeMillis()).as("job " + jobId + " resumed within " + ms + " ms").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitCompleted(long jobId) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (job(jobId).get("status_completed") == 0) {
            assertThat(System.currentTimeMillis()).as("job " + jobId + " completed").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private Map<String, Long> job(long id) throws Exception {
        try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery(
                "select status, imported, merged, duplicates, skipped, failed, checkpoint_sorted,"
                        + " (select count(*) from import_errors e where e.job_id = j.id) as errors"
                        + " from import_jobs j where id = " + id)) {
            r.next();
            return Map.of("status_running", r.getString(1).equals("running") ? 1L : 0L,
                    "status_completed", r.getString(1).equals("completed") ? 1L : 0L,
                    "imported", r.getLong(2), "merged", r.getLong(3), "duplicates", r.getLong(4), "skipped", r.getLong(5),
                    "failed", r.getLong(6), "checkpoint_sorted", r.getLong(7), "errors", r.getLong(8));
        }
    }

    /** Every stored field that a user could see, in time order (ids and insert times differ by nature). */
    private List<String> listenRows(long userId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery(
                "select l.listened_at, t.title, l.album_id, l.duration_played_ms, l.track_length_ms, l.classification,"
                        + " l.weight, l.service, l.channel, l.origin, l.client, l.external_id, l.merge_count, l.raw"
                        + " from listens l join tracks t on t.id = l.track_id where l.user_id = " + userId
                        + " order by l.listened_at, l.external_id")) {
            while (r.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= 14; i++) {
                    sb.append(r.getString(i)).append('|');
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }

    /**
     * Surefire runs tests through a manifest-only jar; Liquibase would record changelog paths differently under it
     * (target/classes/…), so the child gets the plain test class path.
     */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
