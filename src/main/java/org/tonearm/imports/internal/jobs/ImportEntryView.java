package org.tonearm.imports.internal.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tonearm.imports.internal.persistence.ImportEntryRow;

/**
 * One file of an import as {@code GET /api/v1/imports/{id}} lists it (docs/api.md#imports-and-exports): a zip's
 * entry, or the uploaded file itself. {@code status} is {@code read} (with the {@code format} it was detected as, or
 * forced to) or {@code skipped} (with the {@code reason}). The counts follow the job's rule: {@code duplicates}
 * includes {@code merged}; {@code rows} is null until the file was read to its end.
 */
public record ImportEntryView(int index, String name, String status, String format,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason, Long rows, long imported, long duplicates,
        long merged, long skipped, long failed) {

    static ImportEntryView of(ImportEntryRow r) {
        return new ImportEntryView(r.index(), r.name(), r.skipReason() == null ? "read" : "skipped", r.format(),
                r.skipReason(), r.rowCount(), r.imported(), r.duplicates() + r.merged(), r.merged(), r.skipped(),
                r.failed());
    }
}
