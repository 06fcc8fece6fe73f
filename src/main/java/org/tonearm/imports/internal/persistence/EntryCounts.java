package org.tonearm.imports.internal.persistence;

/** What a batch adds to one entry's counts. */
public record EntryCounts(long imported, long merged, long duplicates, long skipped, long failed) {

    public static final EntryCounts NONE = new EntryCounts(0, 0, 0, 0, 0);

    public EntryCounts plus(EntryCounts o) {
        return new EntryCounts(imported + o.imported, merged + o.merged, duplicates + o.duplicates,
                skipped + o.skipped, failed + o.failed);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
