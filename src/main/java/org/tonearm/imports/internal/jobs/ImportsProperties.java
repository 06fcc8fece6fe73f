package org.tonearm.imports.internal.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Import settings ({@code tonearm.imports.*}, e.g. {@code TONEARM_IMPORTS_MAX_UPLOAD_SIZE}).
 *
 * @param maxUploadSize        largest accepted upload (413 above it); Spring's multipart limit follows it
 * @param maxEntries           zip-bomb guard: most entries one archive may hold
 * @param maxUncompressedSize  zip-bomb guard: most bytes all entries may inflate to (counted while streaming)
 * @param maxCompressionRatio  zip-bomb guard: inflated bytes per compressed byte, checked once past 1 MiB inflated
 * @param batchSize            rows per ingest batch, transaction and checkpoint (default 5,000: the funnel's group
 *                             commit caps a combined transaction there; up to {@code IngestPipeline.QUEUED + 2}
 *                             batches are in memory at once)
 * @param workers              jobs run at once on this node (a bounded executor)
 * @param pollInterval         how often idle workers look for queued or stale jobs
 * @param staleAfter           a running job whose heartbeat is older than this is re-claimed (its node died)
 * @param errorsKept           rows kept in a job's error report (all are counted)
 * @param sortRunSize          listens held in memory while an upload is sorted into time order; more are written in
 *                             sorted runs to the uploads folder and merged (docs/formats.md#row-order)
 */
@ConfigurationProperties("tonearm.imports")
public record ImportsProperties(DataSize maxUploadSize, Integer maxEntries, DataSize maxUncompressedSize,
        Integer maxCompressionRatio, Integer batchSize, Integer workers, Duration pollInterval, Duration staleAfter,
        Integer errorsKept, Integer sortRunSize) {

    public ImportsProperties {
        maxUploadSize = maxUploadSize == null ? DataSize.ofGigabytes(2) : maxUploadSize;
        maxEntries = maxEntries == null ? 10_000 : maxEntries;
        maxUncompressedSize = maxUncompressedSize == null ? DataSize.ofGigabytes(20) : maxUncompressedSize;
        maxCompressionRatio = maxCompressionRatio == null ? 200 : maxCompressionRatio;
        batchSize = batchSize == null ? 5_000 : batchSize;
        if (batchSize < 1) {
            throw new IllegalArgumentException("tonearm.imports.batch-size must be at least 1");
        }
        workers = workers == null ? 2 : workers;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
        errorsKept = errorsKept == null ? 1_000 : errorsKept;
        sortRunSize = sortRunSize == null ? 20_000 : sortRunSize;
        if (sortRunSize < 1) {
            throw new IllegalArgumentException("tonearm.imports.sort-run-size must be at least 1");
        }
    }
}
