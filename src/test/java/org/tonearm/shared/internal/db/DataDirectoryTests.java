package org.tonearm.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Issue #16 item 5: starting with an unwritable data directory fails at once with one clear line. */
class DataDirectoryTests {

    @TempDir
    Path tmp;

    @Test
    void aWritableDirectoryIsCreatedAndLeftClean() throws Exception {
        Path dir = DataDirectory.requireWritable(tmp.resolve("data").toString());

        assertThat(dir).isDirectory();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFileInTheWayIsNamedInOneLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> DataDirectory.requireWritable(file.resolve("data").toString()))
                .isInstanceOf(DataDirectory.NotWritableException.class)
                .hasMessageContaining(file.resolve("data") + " is not writable (Not a directory)")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> DataDirectory.requireWritable(file.toString()))
                .hasMessageContaining("(a file is in the way: " + file + ")");
    }

    /** A read-only mount refuses even root (a permission check would not); needs root and mount, as CI has. */
    @Test
    void aReadOnlyMountIsRefusedWithTheSystemsReason() throws Exception {
        Path mountPoint = Files.createDirectory(tmp.resolve("ro"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "mount is not available here");
        try {
            assertThatThrownBy(() -> DataDirectory.requireWritable(mountPoint.toString()))
                    .isInstanceOf(DataDirectory.NotWritableException.class)
                    .hasMessage("The data directory " + mountPoint + " is not writable (Read-only file system); set "
                            + "TONEARM_DATA_DIR to a writable directory or fix its permissions");
        } finally {
            new ProcessBuilder("umount", mountPoint.toString()).start().waitFor();
        }
    }

    @Test
    void startUpFailureIsReportedAsTheCauseAndTheFixWithoutAStackTrace() throws Exception {
        Path file = Files.writeString(tmp.resolve("in-the-way"), "x");
        DataDirectory.NotWritableException failure = null;
        try {
            DataDirectory.requireWritable(file.toString() + "/data");
        } catch (DataDirectory.NotWritableException e) {
            failure = e;
        }

        FailureAnalysis analysis = new DataDirectoryFailureAnalyzer().analyze(new RuntimeException("wrapped", failure));

        assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
        assertThat(analysis.getAction()).contains("TONEARM_DATA_DIR");
    }
}
