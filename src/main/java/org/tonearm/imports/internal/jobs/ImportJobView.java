package org.tonearm.imports.internal.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.tonearm.imports.internal.persistence.ImportJobRow;
import org.tonearm.shared.Instants;

/**
 * A job's status as the API shows it (docs/api.md#imports-and-exports). Counting rule: {@code imported} = new listens created,
 * {@code duplicates} = rows already recorded (a re-import) plus rows folded into an existing listen from another
 * source, {@code merged} = that second part alone; {@code processed} = imported + duplicates + skipped + failed.
 * {@code total} is exact once the job is finished and, while it runs, an estimate from the share of the upload's
 * bytes read so far, which also drives {@code eta_seconds}. {@code entries}: the report per file (only in the answer
 * about one job, not in the list).
 */
public record ImportJobView(long id, String status, String format, String fileName, Long total, long processed,
        long imported, long duplicates, long merged, long skipped, long failed, int skippedFiles,
        Double rowsPerSecond, Long etaSeconds, String createdAt, String startedAt, String finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ImportEntryView> entries) {

    public ImportJobView withEntries(List<ImportEntryView> files) {
        return new ImportJobView(id, status, format, fileName, total, processed, imported, duplicates, merged, skipped,
                failed, skippedFiles, rowsPerSecond, etaSeconds, createdAt, startedAt, finishedAt, error, files);
    }

    public static ImportJobView of(ImportJobRow j, long now) {
        long duplicates = j.duplicates() + j.merged();
        long processed = j.imported() + duplicates + j.skipped() + j.failed();
        Long total = null;
        if (j.finished()) {
            total = processed;
        } else if (j.bytesRead() > 0) {
            total = Math.max(processed, Math.round(processed * (double) j.fileSize() / j.bytesRead()));
        }
        Double rate = null;
        Long eta = null;
        if (j.startedAt() != null) {
            long end = j.finishedAt() != null ? j.finishedAt() : now;
            double seconds = Math.max(0.001, (end - j.startedAt()) / 1000.0);
            rate = Math.round(processed / seconds * 10) / 10.0;
            if (j.status().equals("running") && j.bytesRead() > 0) {
                eta = Math.round((j.fileSize() - j.bytesRead()) / (j.bytesRead() / seconds));
            } else if (j.finished()) {
                eta = 0L;
            }
        }
        return new ImportJobView(j.id(), j.status(), j.format(), j.fileName(), total, processed, j.imported(),
                duplicates, j.merged(), j.skipped(), j.failed(), j.skippedFiles(), rate, eta, instant(j.createdAt()),
                instant(j.startedAt()), instant(j.finishedAt()), j.error(), null);
    }

    private static String instant(Long ms) {
        return ms == null ? null : Instants.format(ms);
    }
}
