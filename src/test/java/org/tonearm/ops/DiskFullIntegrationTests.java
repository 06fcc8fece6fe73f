package org.tonearm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestApps;
import org.tonearm.testsupport.TestDatabase;

/**
 * Issue #16 item 5: the disk under the SQLite data directory fills up (a 24 MB tmpfs the test mounts, as root, and
 * fills with a spacer file). Writes are refused with 503 and the reason in each protocol's format, nothing is
 * half-written, {@code /health/db} names the cause, and once space returns writes succeed without a restart.
 */
class DiskFullIntegrationTests {

    @Test
    void writesAreRefusedWithTheReasonWhileTheDiskIsFullAndSucceedOnceSpaceReturns() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "the embedded SQLite file's disk");
        Path mount = Files.createTempDirectory("tonearm-small-disk-");
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mounting.waitFor() == 0, "needs root and mount to make a small filesystem");
        try {
            try (TestApps.App app = TestApps.start(Map.of("tonearm.data-dir", mount.resolve("data").toString()))) {
                Api.User user = app.api().newUser();
                String token = user.api().post("/api/v1/me/tokens", Map.of("name", "full")).json().path("token").asString();
                Path spacer = mount.resolve("spacer");
                fill(spacer);

                Api.Response refused = user.api().post("/api/v1/listens", listen("While Full"));
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(refused.json().path("code").asString()).isEqualTo("DATABASE_ERROR");
                assertThat(refused.json().path("detail").asString()).isEqualTo(DatabaseUnavailable.DISK_FULL);
                assertThat(refused.header("Retry-After")).isEqualTo("5");
                Api.Response lb = app.api().auth("Token " + token).post("/1/submit-listens",
                        "{\"listen_type\":\"single\",\"payload\":[{\"listened_at\":1700000000,\"track_metadata\":"
                                + "{\"artist_name\":\"Full\",\"track_name\":\"Disk\"}}]}");
                assertThat(lb.status()).isEqualTo(503);
                assertThat(lb.json().path("error").asString()).isEqualTo(DatabaseUnavailable.DISK_FULL);
                Api.Response health = app.api().get("/health/db");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().path("details").path("reason").asString()).startsWith("disk full");

                Files.delete(spacer);

                Api.Response stored = user.api().post("/api/v1/listens", listen("After Space Returns"));
                assertThat(stored.status()).as(stored.body()).isEqualTo(201);
                assertThat(app.api().get("/health/db").status()).isEqualTo(200);
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mount.resolve("data/tonearm.db"));
                        ResultSet integrity = c.createStatement().executeQuery("pragma integrity_check");
                        ResultSet count = c.createStatement().executeQuery(
                                "select count(*) from listens where user_id = " + user.id())) {
                    assertThat(integrity.getString(1)).isEqualTo("ok");
                    assertThat(count.getLong(1)).as("only the listen answered 201").isEqualTo(1);
                }
            }
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
        }
    }

    /** Writes zeros until the filesystem refuses even one more byte. */
    private static void fill(Path spacer) {
        for (int size : new int[] {64 * 1024, 4096, 1}) {
            byte[] block = new byte[size];
            try (OutputStream out = Files.newOutputStream(spacer, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND)) {
                while (true) {
                    out.write(block);
                }
            } catch (IOException full) {
                // no space left on device: on with smaller pieces
            }
        }
    }

    private static Map<String, Object> listen(String track) {
        return Map.of("artist", "Disk Artist", "track", track, "listened_at", 1_700_000_000L);
    }
}
