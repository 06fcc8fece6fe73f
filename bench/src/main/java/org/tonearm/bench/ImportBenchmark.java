package org.tonearm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Import throughput end to end (issue #4 item 9): a generated Spotify Extended Streaming History zip uploaded to
 * a Tonearm server process ({@code target/tonearm.jar}, {@code -Xmx256m}) on a fresh database through
 * {@code POST /api/v1/imports}, polled until the job ends; then the ceiling — the same stored rows as plain
 * batched JDBC inserts ({@link ImportBaseline}) — and the ratio of the two times. See bench/README.md.
 *
 * <p>Timed for the import: from the start of the upload to the job's {@code finished_at} (and, separately, from
 * its {@code started_at}); not timed: generating the zip (cached under {@code --out}), starting the server,
 * signing up.
 */
public final class ImportBenchmark {

    private static final long POLL_MS = 250;

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        ImportBenchOptions o = ImportBenchOptions.parse(args);
        System.out.printf(Locale.ROOT, "bench-import db=%s rows=%d seed=%d artists=%d batch=%d server_jvm=\"%s\""
                + " java=%s cpus=%d load=\"%s\"%n", o.db(), o.rows(), o.seed(), o.artists(), o.batch(),
                String.join(" ", o.serverJvm()), Runtime.version(), Runtime.getRuntime().availableProcessors(), load());
        SyntheticCatalog catalog = new SyntheticCatalog(o.artists(), "", o.seed());
        Path zip = export(o, catalog);
        if (o.mode().equals("parse")) {
            parseOnly(o, zip);
            System.exit(0);
        }
        Double importSeconds = null;
        Double jobSeconds = null;
        Long imported = null;
        if (o.runImport()) {
            Imported run = importThroughApi(o, zip);
            ImportApiClient.Job job = run.job();
            if (!job.status().equals("completed")) {
                System.out.println("FAILED: the import job ended " + job.status() + ": " + job.error());
                System.exit(2);
            }
            importSeconds = run.seconds();
            jobSeconds = (job.finishedAtMs() - job.startedAtMs()) / 1000.0;
            imported = job.imported();
        }
        if (o.runRaw()) {
            settle();
            String loadBefore = load();
            ImportBaseline.Outcome raw = new ImportBaseline(o.batch()).run(o.db(), zip, catalog, o.keep());
            System.out.printf(Locale.ROOT, "RESULT db=%s mode=raw_jdbc listens=%d batches=%d seconds=%.2f rate=%.0f/s"
                    + " cpu_seconds=%.2f listens_rows=%d read_seconds=%.2f load_before=\"%s\" load_after=\"%s\"%n",
                    o.db(), raw.rows(), raw.batches(), raw.seconds(), raw.rows() / raw.seconds(), raw.cpuSeconds(),
                    raw.tableRows(), raw.readSeconds(),
                    loadBefore, load());
            if (imported != null && imported != raw.rows()) {
                System.out.printf(Locale.ROOT, "NOTE: the import created %d listens, the baseline inserted %d rows%n",
                        imported, raw.rows());
            }
            if (importSeconds != null) {
                System.out.printf(Locale.ROOT, "RESULT db=%s mode=ratio import_over_raw=%.2f job_over_raw=%.2f%n",
                        o.db(), importSeconds / raw.seconds(), jobSeconds / raw.seconds());
            }
        }
        System.exit(0); // the baseline context's non-daemon threads (if any) must not keep the benchmark alive
    }

    /** Three passes of the import's parsing alone (the first one warms the JIT up). */
    private static void parseOnly(ImportBenchOptions o, Path zip) throws Exception {
        ImportParsePass parser = new ImportParsePass();
        for (int pass = 1; pass <= 3; pass++) {
            ImportParsePass.Pass p = parser.run(zip);
            long rows = p.listens() + p.skipped() + p.failed();
            System.out.printf(Locale.ROOT, "RESULT db=none mode=parse pass=%d rows=%d listens=%d skipped=%d failed=%d"
                    + " seconds=%.2f rate=%.0f/s load=\"%s\"%n", pass, rows, p.listens(), p.skipped(), p.failed(),
                    p.seconds(), rows / p.seconds(), load());
        }
    }

    /** The finished job and the seconds from the start of its upload to its end. */
    private record Imported(ImportApiClient.Job job, double seconds) {}

    /** The generated zip for these options, written once and reused by later runs. */
    private static Path export(ImportBenchOptions o, SyntheticCatalog catalog) throws Exception {
        Path zip = o.zip();
        Path summary = zip.resolveSibling(zip.getFileName() + ".txt");
        if (Files.exists(zip) && Files.exists(summary)) {
            System.out.println(Files.readString(summary).strip() + " (reused " + zip + ")");
            return zip;
        }
        Files.createDirectories(zip.getParent());
        long start = System.nanoTime();
        SpotifyExportWriter.Summary written = SpotifyExportWriter.write(zip, catalog, o.rows(), o.seed());
        Files.writeString(summary, written.describe() + "\n");
        System.out.printf(Locale.ROOT, "%s (generated in %.1f s: %s)%n", written.describe(),
                (System.nanoTime() - start) / 1e9, zip);
        return zip;
    }

    private static Imported importThroughApi(ImportBenchOptions o, Path zip) throws Exception {
        if (!Files.isRegularFile(o.jar())) {
            throw new IllegalStateException(o.jar() + " is missing: build it with ./mvnw -B -q package -DskipTests");
        }
        Path logs = o.out().resolve("logs").resolve(o.db() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (FreshDatabase db = FreshDatabase.create(o.db(), "import", o.keep());
                TonearmServer server = TonearmServer.start(o.jar(), o.serverJvm(), db, logs)) {
            ImportApiClient api = new ImportApiClient(server.base);
            api.signUp("spotify_listener");
            System.out.printf(Locale.ROOT, "server: pid=%d %s on %s, logs in %s%n", server.pid(), server.base,
                    db.describe(), logs);
            settle();
            String loadBefore = load();
            double cpuBefore = server.cpuSeconds();
            long rssBefore = server.rssKb();
            long start = System.currentTimeMillis();
            ImportApiClient.Job job = api.upload(zip, "my_spotify_data.zip");
            long uploaded = System.currentTimeMillis();
            long lastReport = uploaded;
            while (!job.finished()) {
                if (!server.alive()) {
                    TonearmServer.Usage usage = server.usage();
                    System.out.printf(Locale.ROOT, "RESULT db=%s mode=import oom=%s server_died=yes processed=%d%n",
                            o.db(), usage.outOfMemory() ? "yes" : "no", job.processed());
                    System.out.println(server.logTail(30));
                    System.exit(3);
                }
                Thread.sleep(POLL_MS);
                job = api.job(job.id());
                if (System.currentTimeMillis() - lastReport >= 10_000) {
                    lastReport = System.currentTimeMillis();
                    System.out.printf(Locale.ROOT, "progress: %s processed=%d rss_mb=%d load=\"%s\"%n", job.status(),
                            job.processed(), server.rssKb() >> 10, load());
                }
            }
            TonearmServer.Usage usage = server.usage();
            double seconds = (job.finishedAtMs() - start) / 1000.0;
            double jobSeconds = (job.finishedAtMs() - job.startedAtMs()) / 1000.0;
            System.out.printf(Locale.ROOT, "RESULT db=%s mode=import rows=%d processed=%d imported=%d duplicates=%d"
                    + " merged=%d skipped=%d failed=%d skipped_files=%d upload_seconds=%.2f seconds=%.2f rate=%.0f/s"
                    + " job_seconds=%.2f job_rate=%.0f/s server_cpu_seconds=%.2f peak_rss_mb=%d rss_before_mb=%d"
                    + " heap_after_gc_max_mb=%d gc_pauses=%d full_gcs=%d oom=%s server_jvm=\"%s\" load_before=\"%s\""
                    + " load_after=\"%s\"%n", o.db(), o.rows(), job.processed(), job.imported(), job.duplicates(),
                    job.merged(), job.skipped(), job.failed(), job.skippedFiles(), (uploaded - start) / 1000.0, seconds,
                    job.processed() / seconds, jobSeconds, job.processed() / jobSeconds,
                    usage.cpuSeconds() - cpuBefore, usage.peakRssKb() >> 10, rssBefore >> 10,
                    usage.maxHeapAfterGcMb(), usage.collections(), usage.fullCollections(),
                    usage.outOfMemory() ? "yes" : "no", String.join(" ", o.serverJvm()), loadBefore, load());
            if (job.failed() > 0) {
                String errors = api.errors(job.id()).toString();
                System.out.println("errors: " + errors.substring(0, Math.min(2_000, errors.length())));
            }
            return new Imported(job, seconds);
        }
    }

    /** Lets start-up work (JIT, GC) and the generator's garbage settle before a clock starts. */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(2_000);
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
