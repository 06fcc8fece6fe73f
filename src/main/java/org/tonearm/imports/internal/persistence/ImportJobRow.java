package org.tonearm.imports.internal.persistence;

/** One row of import_jobs as the runner and the API read it. */
public record ImportJobRow(long id, long userId, String status, String format, boolean formatForced, String fileName,
        String filePath, long fileSize, long bytesRead, long imported, long merged, long duplicates, long skipped,
        long failed, int skippedFiles, int checkpointEntry, long checkpointRow, String error, Long createdAt,
        Long startedAt, Long finishedAt) {

    public boolean finished() {
        return switch (status) {
            case "completed", "failed", "cancelled" -> true;
            default -> false;
        };
    }
}
