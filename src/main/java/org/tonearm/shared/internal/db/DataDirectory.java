package org.tonearm.shared.internal.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data directory must be writable before anything is stored there (issue #16): the SQLite file, its WAL, the
 * signing key, the node id and uploads. Checked by writing and removing a small file, which also catches a
 * read-only mount (a permission check alone would pass for root).
 */
final class DataDirectory {

    private DataDirectory() {}

    static Path requireWritable(String configured) {
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException e) {
            throw new NotWritableException(dir, e);
        }
    }

    /** Start-up stops with one line saying which directory and why ({@link DataDirectoryFailureAnalyzer}). */
    static final class NotWritableException extends IllegalStateException {

        NotWritableException(Path dir, IOException cause) {
            super("The data directory " + dir + " is not writable (" + why(cause) + "); set TONEARM_DATA_DIR to a "
                    + "writable directory or fix its permissions", cause);
        }

        private static String why(IOException e) {
            if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
                return "a file is in the way: " + exists.getFile();
            }
            return e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : e.getClass().getSimpleName();
        }
    }
}
