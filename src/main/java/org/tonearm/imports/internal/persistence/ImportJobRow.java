package org.tonearm.imports.internal.persistence;

/**
 * One row of import_jobs as the runner and the API read it.
 *
 * @param checkpointSorted listens committed in sorted order (docs/formats.md#row-order)
 * @param mayChangeProfile an account export in this upload may apply its profile settings (see ImportContext)
 */
public record ImportJobRow(long id, long userId, String status, String format, boolean formatForced, String fileName,
        String filePath, long fileSize, long bytesRead, long imported, long merged, long duplicates, long skipped,
        long failed, int skippedFiles, int checkpointEntry, long checkpointRow, long checkpointSorted, String error, Long createdAt,
        Long startedAt, Long finishedAt, boolean mayChangeProfile) {

    public boolean finished() {
        return switch (status) {
            case "completed", "failed", "cancelled" -> true;
            default -> false;
        };
    }
}
