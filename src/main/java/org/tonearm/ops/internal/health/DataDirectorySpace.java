package org.tonearm.ops.internal.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code select 1} cannot see on SQLite (issue #16 item 5): reads keep working on a full disk or a read-only
 * mount while every write fails. Checked on each health poll, so the component turns UP again by itself once
 * space returns.
 */
final class DataDirectorySpace {

    /** Below this, a commit (WAL pages, a checkpoint) may fail: report it before the users do. */
    static final long MIN_FREE_BYTES = 1024 * 1024;

    private DataDirectorySpace() {}

    /**
     * The problem in an operator's words, or null when the directory takes writes. A file is created and removed:
     * a filesystem the kernel turned read-only after an error (ext4 {@code errors=remount-ro}) may still look
     * writable to a permission or mount-flag check while every write to it fails.
     */
    static String problem(Path dir) {
        if (!Files.isWritable(dir)) {
            return "data directory not writable";
        }
        try {
            Files.delete(Files.createTempFile(dir, ".health-", ".tmp"));
        } catch (IOException e) {
            return String.valueOf(e.getMessage()).contains("No space left") ? "disk full" : "data directory not writable";
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            return free < MIN_FREE_BYTES ? "disk full (" + free / 1024 + " KB free)" : null;
        } catch (IOException e) {
            return "data directory unreadable";
        }
    }
}
