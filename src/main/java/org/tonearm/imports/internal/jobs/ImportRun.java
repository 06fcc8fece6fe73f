package org.tonearm.imports.internal.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.internal.archive.ArchiveLimitException;
import org.tonearm.imports.internal.archive.ArchiveLimits;
import org.tonearm.imports.internal.archive.UploadEntry;
import org.tonearm.imports.internal.archive.UploadReader;
import org.tonearm.imports.internal.persistence.ImportJobRow;
import org.tonearm.imports.internal.persistence.ImportProgress;
import org.tonearm.imports.internal.persistence.JooqImportJobRepository;
import org.tonearm.listens.ListensProperties;

/**
 * One claimed job, run to its end on this node (see the flow in the imports package-info):
 * walk the upload's files, detect each one's format, parse it into batches, finish as completed or failed.
 */
final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    private final ImportJobRow job;
    private final String node;
    private final ImportsProperties properties;
    private final FormatFinder formats;
    private final JooqImportJobRepository jobs;
    private final ImportBatchWriter writer;
    private final ListensProperties rules;
    private final BooleanSupplier stopping;

    ImportRun(ImportJobRow job, String node, ImportsProperties properties, FormatFinder formats,
            JooqImportJobRepository jobs, ImportBatchWriter writer, ListensProperties rules, BooleanSupplier stopping) {
        this.rules = rules;
        this.job = job;
        this.node = node;
        this.properties = properties;
        this.formats = formats;
        this.jobs = jobs;
        this.writer = writer;
        this.stopping = stopping;
    }

    void run() {
        // visible in a thread dump as this job's reading thread (its committing thread is import-<id>-ingest)
        Thread worker = Thread.currentThread();
        String workerName = worker.getName();
        worker.setName("import-" + job.id() + "-read");
        try {
            runNamed();
        } finally {
            worker.setName(workerName);
        }
    }

    private void runNamed() {
        Path file = Path.of(job.filePath());
        try {
            if (!Files.isRegularFile(file)) {
                finish("failed", "the uploaded file is gone (deleted from the data directory)", file);
                return;
            }
            ImportProgress end = importFile(file);
            if (end == null) {
                return; // stopped early: cancelled or node stopping, handled in importFile
            }
            long rows = end.imported() + end.merged() + end.duplicates() + end.skipped() + end.failed();
            if (rows == 0 && end.skippedFiles() > 0) {
                finish("failed", "the archive holds no file of a known import format (" + end.skippedFiles()
                        + " files skipped; see the error report)", file);
            } else {
                finish("completed", null, file);
            }
        } catch (ImportFileException | ArchiveLimitException e) {
            // the reason is the job's error and also a line of its error report (row 0: the whole file), where
            // the import history sends the user to look
            jobs.recordFileError(job.userId(), job.id(), job.fileName(), e.getMessage());
            finish("failed", e.getMessage(), file);
        } catch (IOException e) {
            finish("failed", "the uploaded file cannot be read: " + e.getMessage(), file);
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean()) {
                return; // interrupted by shutdown: the heartbeat goes stale and any node resumes it
            }
            log.error("import job {} failed", job.id(), e);
            finish("failed", "internal error: " + e.getClass().getSimpleName(), file);
        }
    }

    /**
     * The final progress, or null when the run stopped without finishing the job. This thread reads and maps the
     * rows; an {@link IngestPipeline} thread commits the batches meanwhile (see the imports package-info).
     */
    private ImportProgress importFile(Path file) throws IOException, ImportFileException {
        UploadReader reader = new UploadReader(new ArchiveLimits(properties.maxEntries(),
                properties.maxUncompressedSize().toBytes(), properties.maxCompressionRatio()));
        ImportProgress start = ImportProgress.of(job);
        ImportFormat forced = job.formatForced() ? formats.byId(job.format()).orElse(null) : null;
        boolean zip = UploadReader.isZip(file);
        // every entry is read again on resume: its listens are sorted anew (BatchingSink), its reports are ignored
        ListenSpool spool = new ListenSpool(file.toAbsolutePath().getParent(), "job-" + job.id() + "-",
                properties.sortRunSize());
        // the pipeline is closed (its queued batches committed, its thread ended) before any catch below runs
        try (IngestPipeline pipeline = new IngestPipeline("import-" + job.id() + "-ingest", start,
                (before, batch) -> writer.write(job.id(), job.userId(), node, before, batch), stopping)) {
            BatchingSink sink = new BatchingSink(
                    new BatchingSink.RunContext(job.userId(), properties.batchSize(), properties.errorsKept()),
                    pipeline, start, reader::bytesRead, new ReplayConflicts(rules), spool);
            int entries;
            try {
                entries = reader.read(file, job.fileName(), index -> true, entry -> {
                    Optional<ImportFormat> format = zip ? formats.detect(entry.name(), entry.head(), forced)
                            : Optional.ofNullable(forced).or(() -> formats.detect(entry.name(), entry.head()));
                    if (format.isEmpty()) {
                        if (!zip && UnrecognizedCsv.looksLikeCsv(entry.name(), entry.head())) {
                            throw new ImportFileException(UnrecognizedCsv.report(entry.name(), entry.head(), formats.all()));
                        }
                        if (!zip) {
                            throw new ImportFileException("the file is of no known import format (known: "
                                    + String.join(", ", formats.ids()) + ")");
                        }
                        sink.unknownEntry(entry.index(), entry.name());
                        return true;
                    }
                    parse(format.get(), entry, sink);
                    return !sink.cancelled();
                });
            } catch (IOException | ImportFileException | RuntimeException e) {
                if (!(e instanceof JobStoppedException) && !sink.cancelled()) {
                    // the plays read before the unreadable part are real plays: committed (in time order) before
                    // the job fails, as the batches of a job read in file order were
                    sink.drainSorted(job.fileSize());
                }
                throw e;
            }
            if (zip && entries == 0) {
                throw new ImportFileException("the zip archive is empty");
            }
            if (!sink.cancelled()) {
                sink.drainSorted(job.fileSize());
            }
            // every batch committed; throws what stopped the committing thread (cancelled, lost, stopping, an error)
            return pipeline.finish();
        } catch (JobStoppedException e) {
            if (e.why() == JobStoppedException.Why.CANCELLED_OR_LOST) {
                jobs.findById(job.id()).filter(ImportJobRow::finished).ifPresent(j -> delete(file));
            } else {
                jobs.release(job.id(), node);
            }
            return null;
        } finally {
            spool.close();
        }
    }

    private void parse(ImportFormat format, UploadEntry entry, BatchingSink sink) throws IOException, ImportFileException {
        sink.startEntry(entry.index(), entry.name(), format.id());
        try {
            format.parse(entry.body(), new ImportContext(job.userId(), entry.name(), job.mayChangeProfile()), sink);
        } catch (ImportFileException e) {
            throw new ImportFileException(entry.name() + " (" + format.id() + "): " + e.getMessage(), e);
        }
        sink.endEntry();
    }

    private void finish(String status, String error, Path file) {
        String reason = error != null && error.length() > 1000 ? error.substring(0, 1000) : error;
        if (jobs.finish(job.id(), node, status, reason, System.currentTimeMillis())) {
            log.info("import job {} {}{}", job.id(), status, reason == null ? "" : ": " + reason);
        }
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete import upload {}", file, e);
        }
    }
}
