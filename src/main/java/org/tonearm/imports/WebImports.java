package org.tonearm.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import org.tonearm.imports.internal.export.AccountExporter;
import org.tonearm.imports.internal.export.ListenExporter;
import org.tonearm.imports.internal.jobs.ImportJobService;
import org.tonearm.imports.internal.jobs.ImportJobView;
import org.tonearm.shared.TonearmException;

/**
 * Import jobs for the web UI (docs/web.md): the same upload, job view, history and error report as
 * {@code /api/v1/imports} (docs/api.md#imports-and-exports), with the same refusals and messages. The web session is
 * a login session, so an account export's profile settings are applied (as for the API with a login token).
 */
@Service
public class WebImports {

    private final ImportJobService jobs;
    private final ListenExporter listenExporter;
    private final AccountExporter accountExporter;

    WebImports(ImportJobService jobs, ListenExporter listenExporter, AccountExporter accountExporter) {
        this.jobs = jobs;
        this.listenExporter = listenExporter;
        this.accountExporter = accountExporter;
    }

    /** {@code GET /api/v1/exports/listens?format=listenbrainz}: a zip of ListenBrainz JSONL, every listen. */
    public void exportListenBrainz(long userId, OutputStream out) throws IOException {
        listenExporter.listenBrainz(userId, null, null, out);
    }

    /** {@code GET /api/v1/exports/listens?format=tonearm_csv}. */
    public void exportCsv(long userId, OutputStream out) throws IOException {
        listenExporter.csv(userId, null, null, out);
    }

    /** {@code GET /api/v1/exports/account}: the whole account (docs/formats.md). */
    public void exportAccount(long userId, OutputStream out) throws IOException {
        accountExporter.export(userId, out);
    }

    /** A job as {@code GET /api/v1/imports/{id}} shows it. */
    public record Job(long id, String status, String format, String fileName, Long total, long processed,
            long imported, long duplicates, long merged, long skipped, long failed, int skippedFiles,
            Double rowsPerSecond, Long etaSeconds, String createdAt, String startedAt, String finishedAt,
            String error) {

        static Job of(ImportJobView v) {
            return new Job(v.id(), v.status(), v.format(), v.fileName(), v.total(), v.processed(), v.imported(),
                    v.duplicates(), v.merged(), v.skipped(), v.failed(), v.skippedFiles(), v.rowsPerSecond(),
                    v.etaSeconds(), v.createdAt(), v.startedAt(), v.finishedAt(), v.error());
        }

        public boolean finished() {
            return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
        }

        /** 0–100, from the (estimated) total; null while nothing is known. */
        public Integer percent() {
            if (finished()) {
                return 100;
            }
            if (total == null || total == 0) {
                return null;
            }
            return (int) Math.min(99, processed * 100 / total);
        }
    }

    /** One line of the error report; {@code rowNumber} 0 means the whole file of a zip. */
    public record ErrorLine(long rowNumber, String entry, String reason, String raw) {}

    /** {@code POST /api/v1/imports}: the checks of the API, then the queued job. */
    public Job upload(long userId, MultipartFile file, String format) {
        if (file == null || file.isEmpty()) {
            throw TonearmException.invalid("file", "is required: choose a non-empty history file or zip");
        }
        if (file.getSize() > jobs.maxUploadBytes()) {
            throw TonearmException.tooLarge("file", "larger than " + jobs.maxUploadBytes() + " bytes");
        }
        if (format != null && !format.isBlank()) {
            jobs.requireFormat(format);
        }
        Path stored = jobs.newUploadFile();
        try {
            file.transferTo(stored.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Job.of(jobs.submit(userId, stored, file.getOriginalFilename(), format, true));
    }

    public Job job(long userId, long id) {
        return Job.of(jobs.view(userId, id));
    }

    public List<Job> history(long userId) {
        return jobs.list(userId).stream().map(Job::of).toList();
    }

    public List<ErrorLine> errors(long userId, long id) {
        return jobs.errors(userId, id).stream()
                .map(e -> new ErrorLine(e.rowNumber(), e.entryName(), e.reason(), e.raw())).toList();
    }

    public Job cancel(long userId, long id) {
        return Job.of(jobs.cancel(userId, id));
    }
}
