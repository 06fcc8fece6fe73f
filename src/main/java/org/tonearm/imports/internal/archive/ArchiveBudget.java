package org.tonearm.imports.internal.archive;

/** The running totals one archive is judged by (see {@link ArchiveLimits}). */
final class ArchiveBudget {

    private final ArchiveLimits limits;
    private final CountingInputStream compressed;
    private long inflated;
    private int entries;

    ArchiveBudget(ArchiveLimits limits, CountingInputStream compressed) {
        this.limits = limits;
        this.compressed = compressed;
    }

    void entry() throws ArchiveLimitException {
        if (++entries > limits.maxEntries()) {
            throw new ArchiveLimitException("the archive holds more than " + limits.maxEntries() + " files");
        }
    }

    void inflated(int n) throws ArchiveLimitException {
        inflated += n;
        if (inflated > limits.maxUncompressed()) {
            throw new ArchiveLimitException("the archive inflates to more than " + limits.maxUncompressed() + " bytes");
        }
        if (inflated > ArchiveLimits.RATIO_FLOOR && inflated > (long) limits.maxRatio() * Math.max(1, compressed.count())) {
            throw new ArchiveLimitException("the archive's compression ratio exceeds " + limits.maxRatio() + ":1");
        }
    }
}
