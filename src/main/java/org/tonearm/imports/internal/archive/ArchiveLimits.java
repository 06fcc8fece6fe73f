package org.tonearm.imports.internal.archive;

/**
 * Zip-bomb guards. They are checked against bytes counted while inflating, never against the sizes an
 * archive's headers claim (headers can lie).
 *
 * @param maxEntries          most entries (files and folders) in one archive
 * @param maxUncompressed     most bytes all entries may inflate to
 * @param maxRatio            most inflated bytes per compressed byte read, checked past {@link #RATIO_FLOOR}
 */
public record ArchiveLimits(int maxEntries, long maxUncompressed, int maxRatio) {

    /** Small files compress extremely well (a 1 MiB run of JSON whitespace…): the ratio is judged past 1 MiB. */
    public static final long RATIO_FLOOR = 1L << 20;
}
