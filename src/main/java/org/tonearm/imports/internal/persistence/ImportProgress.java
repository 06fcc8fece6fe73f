package org.tonearm.imports.internal.persistence;

/**
 * Counters and resume points of a job after a batch; written in the batch's own transaction so a crash
 * can never leave listens without their checkpoint or the reverse (docs/api.md#imports-and-exports: resumes without loss or duplicates).
 */
/*
 * checkpointEntry/checkpointRow: the file order, for rows reported while reading (skipped, failed, restored);
 * checkpointSorted: how many listens of the sorted stream are committed (docs/formats.md#row-order).
 */
public record ImportProgress(long bytesRead, long imported, long merged, long duplicates, long skipped, long failed,
        int skippedFiles, int checkpointEntry, long checkpointRow, long checkpointSorted) {

    public static ImportProgress of(ImportJobRow job) {
        return new ImportProgress(job.bytesRead(), job.imported(), job.merged(), job.duplicates(), job.skipped(),
                job.failed(), job.skippedFiles(), job.checkpointEntry(), job.checkpointRow(), job.checkpointSorted());
    }
}
