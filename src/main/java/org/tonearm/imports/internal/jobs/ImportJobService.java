package org.tonearm.imports.internal.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.internal.archive.UploadReader;
import org.tonearm.imports.internal.persistence.ImportErrorRow;
import org.tonearm.imports.internal.persistence.JooqImportEntryRepository;
import org.tonearm.imports.internal.persistence.JooqImportJobRepository;
import org.tonearm.shared.DatabaseProperties;
import org.tonearm.shared.TonearmException;

/**
 * Creates, shows and cancels import jobs. Uploads are stored under {@code <data-dir>/imports/} (on the same disk
 * as the database, so an import never depends on /tmp's size) and deleted when their job ends.
 */
@Service
public class ImportJobService {

    /** The API lists this many of a user's most recent jobs. */
    static final int LIST_LIMIT = 100;

    private final JooqImportJobRepository jobs;
    private final JooqImportEntryRepository entries;
    private final FormatFinder formats;
    private final ImportJobRunner runner;
    private final ImportsProperties properties;
    private final Path uploads;

    ImportJobService(JooqImportJobRepository jobs, JooqImportEntryRepository entries, FormatFinder formats,
            ImportJobRunner runner, ImportsProperties properties, DatabaseProperties database) {
        this.jobs = jobs;
        this.entries = entries;
        this.formats = formats;
        this.runner = runner;
        this.properties = properties;
        this.uploads = Path.of(database.dataDir()).resolve("imports").toAbsolutePath();
    }

    /** Where to stream a new upload before {@link #submit}. */
    public Path newUploadFile() {
        try {
            Files.createDirectories(uploads);
            return uploads.resolve(UUID.randomUUID() + ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long maxUploadBytes() {
        return properties.maxUploadSize().toBytes();
    }

    public ImportFormat requireFormat(String id) {
        return formats.byId(id).orElseThrow(() -> TonearmException.invalid("format",
                "unknown format '" + id + "'; known: " + String.join(", ", formats.ids())));
    }

    /**
     * Queues {@code stored} (already in the uploads folder). A single file of no known format is refused at once
     * (400), since one look at its head tells — except delimited text ({@link UnrecognizedCsv}), whose job fails
     * with a report of what was found and what each CSV format needs; a zip's files are only known while it is read, so a zip without
     * any importable file fails its job instead. {@code mayChangeProfile}: see ImportContext.
     */
    public ImportJobView submit(long userId, Path stored, String fileName, String formatId, boolean mayChangeProfile) {
        try {
            String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
            ImportFormat forced = formatId == null || formatId.isBlank() ? null : requireFormat(formatId);
            String format;
            if (forced != null) {
                format = forced.id();
            } else if (UploadReader.isZip(stored)) {
                format = "zip";
            } else {
                byte[] head = UploadReader.head(stored);
                format = formats.detect(name, head).map(ImportFormat::id)
                        // CSV nobody recognises: a job that fails with a report the user finds in the import history
                        .or(() -> Optional.of(UnrecognizedCsv.FORMAT).filter(f -> UnrecognizedCsv.looksLikeCsv(name, head)))
                        .orElseThrow(() -> TonearmException.invalid("file", "no known import format recognizes "
                                + name + "; pass format= or upload one of: " + String.join(", ", formats.ids())));
            }
            long id = jobs.insert(userId, format, forced != null, truncate(name), stored.toString(), Files.size(stored),
                    mayChangeProfile, System.currentTimeMillis());
            runner.wake();
            return view(userId, id);
        } catch (IOException e) {
            deleteQuietly(stored);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(stored);
            throw e;
        }
    }

    /** Copies a local file into the uploads folder and queues it (the CLI: the operator may change the account). */
    public ImportJobView submitCopy(long userId, Path source, String formatId) throws IOException {
        Path stored = newUploadFile();
        try (InputStream in = Files.newInputStream(source)) {
            Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
        }
        return submit(userId, stored, source.getFileName().toString(), formatId, true);
    }

    /** One job with its report per file. */
    public ImportJobView view(long userId, long id) {
        ImportJobView job = jobs.find(userId, id).map(j -> ImportJobView.of(j, System.currentTimeMillis()))
                .orElseThrow(() -> TonearmException.notFound("Import job " + id));
        return job.withEntries(entries.entries(userId, id).stream().map(ImportEntryView::of).toList());
    }

    public List<ImportJobView> list(long userId) {
        long now = System.currentTimeMillis();
        return jobs.list(userId, LIST_LIMIT).stream().map(j -> ImportJobView.of(j, now)).toList();
    }

    /** Cancels a queued or running job; a finished one stays as it is. Unknown or other users' jobs: 404. */
    public ImportJobView cancel(long userId, long id) {
        var job = jobs.find(userId, id).orElseThrow(() -> TonearmException.notFound("Import job " + id));
        if (jobs.cancel(userId, id, System.currentTimeMillis()) && job.status().equals("queued")) {
            deleteQuietly(Path.of(job.filePath())); // nobody runs it: delete here (a running job's worker deletes it)
        }
        return view(userId, id);
    }

    public List<ImportErrorRow> errors(long userId, long id) {
        jobs.find(userId, id).orElseThrow(() -> TonearmException.notFound("Import job " + id));
        return jobs.errors(userId, id, properties.errorsKept() + properties.maxEntries());
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: an orphan upload is harmless
        }
    }

    private static String truncate(String name) {
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
