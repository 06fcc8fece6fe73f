package org.tonearm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tonearm.TonearmApplication;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestApps;
import org.tonearm.testsupport.TestDatabase;

/**
 * Issue #16 item 5, the read-only half (the full-disk half: {@link DiskFullIntegrationTests}). SQLite only, as root
 * with mount (CI runs as root).
 *
 * <p>While running: the data directory is a small ext4 filesystem (a loop-mounted image, mounted
 * {@code errors=remount-ro} as most distributions do) and the test makes the kernel declare an error on it
 * ({@code /sys/fs/ext4/<dev>/trigger_fs_error}): the kernel remounts it read-only under the running application,
 * with its database files open, exactly as after a failing disk. A remount by hand cannot do that: it is refused
 * while a file is open for writing. Writes are then refused with 503 and the reason in each protocol's format,
 * {@code /health/db} names the cause, and the file is intact afterwards. Such a filesystem stays read-only until it
 * is unmounted and checked (the kernel refuses to make it writable again), so the operator's way back is a restart
 * after fsck (docs/operations.md); writes coming back by themselves without a restart are shown for the full disk.
 *
 * <p>At start: a read-only data directory stops the application at once with one line naming it and why.
 */
class ReadOnlyDataDirectoryIntegrationTests {

    @Test
    void aDataDirectoryTurnedReadOnlyUnderTheRunningAppRefusesWritesWithTheReasonAndKeepsTheFileIntact() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "the embedded SQLite file's filesystem");
        Path image = Files.createTempFile("tonearm-ro-", ".img");
        Path mount = Files.createTempDirectory("tonearm-ro-");
        Assumptions.assumeTrue(run("truncate", "-s", "32M", image.toString())
                && run("mkfs.ext4", "-q", "-F", "-O", "^has_journal", image.toString())
                && run("mount", "-o", "loop,errors=remount-ro", image.toString(), mount.toString()),
                "needs root, mkfs.ext4 and loop devices");
        try {
            try (TestApps.App app = TestApps.start(Map.of("tonearm.data-dir", mount.resolve("data").toString()))) {
                Api.User user = app.api().newUser();
                String token = user.api().post("/api/v1/me/tokens", Map.of("name", "ro")).json().path("token").asString();
                assertThat(user.api().post("/api/v1/listens", listen("Before")).status()).isEqualTo(201);
                // on the disk before the error (this filesystem only), as the kernel writes it back within seconds anyway
                assertThat(run("sync", "-f", mount.toString())).isTrue();

                String device = Path.of(output("findmnt", "-n", "-o", "SOURCE", mount.toString()).strip())
                        .getFileName().toString();
                Files.writeString(Path.of("/sys/fs/ext4", device, "trigger_fs_error"), "1");

                Api.Response refused = user.api().post("/api/v1/listens", listen("While Read-Only"));
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.json().path("code").asString()).isEqualTo("DATABASE_ERROR");
                assertThat(refused.json().path("detail").asString()).isEqualTo(DatabaseUnavailable.NOT_WRITABLE);
                assertThat(refused.header("Retry-After")).isEqualTo("5");
                Api.Response lb = app.api().auth("Token " + token).post("/1/submit-listens",
                        "{\"listen_type\":\"single\",\"payload\":[{\"listened_at\":1700000300,\"track_metadata\":"
                                + "{\"artist_name\":\"Disk Artist\",\"track_name\":\"Read-Only\"}}]}");
                assertThat(lb.status()).as(lb.body()).isEqualTo(503);
                assertThat(lb.json().path("code").asInt()).isEqualTo(503);
                assertThat(lb.json().path("error").asString()).isEqualTo(DatabaseUnavailable.NOT_WRITABLE);
                assertThat(lb.header("Retry-After")).isEqualTo("5");
                Api.Response read = user.api().get("/api/v1/listens");
                assertThat(read.status()).as("reads keep working: %s", read.body()).isEqualTo(200);
                assertThat(read.body()).contains("Before").doesNotContain("While Read-Only");
                Api.Response health = app.api().get("/health/db");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().path("details").path("reason").asString())
                        .isEqualTo("data directory not writable");
            }
        } finally {
            run("umount", "-l", mount.toString());
        }
        // mounted again (a fresh mount is writable): the file the application had open is intact and holds exactly
        // the listen answered 201. Without the sync above it could be missing: SQLite's WAL is forced to disk at
        // checkpoints only (synchronous=NORMAL), and the kernel never writes back what a filesystem it turned
        // read-only still holds in memory, as after a power loss (docs/operations.md)
        assertThat(run("mount", "-o", "loop", image.toString(), mount.toString())).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mount.resolve("data/tonearm.db"));
                ResultSet integrity = c.createStatement().executeQuery("pragma integrity_check");
                ResultSet stored = c.createStatement().executeQuery(
                        "select t.title from listens l join tracks t on t.id = l.track_id")) {
            assertThat(integrity.getString(1)).isEqualTo("ok");
            assertThat(stored.next()).isTrue();
            assertThat(stored.getString(1)).as("the listen answered 201").isEqualTo("Before");
            assertThat(stored.next()).as("none of the refused listens").isFalse();
        } finally {
            run("umount", "-l", mount.toString());
            Files.deleteIfExists(image);
        }
    }

    /** The real main class in a JVM of its own, as the jar starts it: it exits at once, the cause on one line. */
    @Test
    void startingWithAReadOnlyDataDirectoryStopsAtOnceWithOneLineNamingIt() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "the embedded SQLite file's directory");
        Path mount = Files.createTempDirectory("tonearm-ro-start-");
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", mount.toString()),
                "needs root and mount");
        try {
            File log = File.createTempFile("tonearm-ro-start-", ".log");
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    TonearmApplication.class.getName(), "--tonearm.data-dir=" + mount, "--server.port=0"));
            long start = System.nanoTime();
            Process child = new ProcessBuilder(cmd).directory(log.getParentFile()).redirectErrorStream(true)
                    .redirectOutput(log).start();
            boolean exited = child.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
            }
            String out = Files.readString(log.toPath());
            assertThat(exited).as("stopped by itself: %s", out).isTrue();
            System.out.println("read-only data directory: exit " + child.exitValue() + " after "
                    + (System.nanoTime() - start) / 1_000_000 + " ms (JVM start included)");
            assertThat(child.exitValue()).isNotZero();
            String line = "The data directory " + mount + " is not writable (Read-only file system); set "
                    + "TONEARM_DATA_DIR to a writable directory or fix its permissions";
            assertThat(out.lines().filter(l -> l.contains("is not writable"))).as(out).containsExactly(line);
            assertThat(out).as("no stack trace").doesNotContain("\tat ");
            assertThat(out).as("before the web server ever listened").doesNotContain("Tomcat started on port");
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private static Map<String, Object> listen(String track) {
        return Map.of("artist", "Disk Artist", "track", track, "listened_at", 1_700_000_000L);
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
