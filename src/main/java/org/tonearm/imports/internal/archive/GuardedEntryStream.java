package org.tonearm.imports.internal.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * One zip entry's inflated bytes, counted into the archive-wide total as they are read, so a bomb is
 * stopped after at most the limit's worth of inflation whatever its headers say. Closing does not close the zip.
 */
final class GuardedEntryStream extends InputStream {

    private final InputStream entry;
    private final ArchiveBudget budget;

    GuardedEntryStream(InputStream entry, ArchiveBudget budget) {
        this.entry = entry;
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int b = entry.read();
        if (b >= 0) {
            budget.inflated(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = entry.read(b, off, len);
        if (n > 0) {
            budget.inflated(n);
        }
        return n;
    }

    /** Reads what the parser left, through the guard (ZipInputStream would otherwise inflate it unchecked). */
    void drain() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            // counted by read
        }
    }

    @Override
    public void close() {
        // the archive stays open for the next entry
    }
}
