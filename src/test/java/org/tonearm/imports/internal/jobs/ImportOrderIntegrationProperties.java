package org.tonearm.imports.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.IMPORT_JOBS;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;
import org.tonearm.imports.internal.persistence.ImportEntryRow;
import org.tonearm.imports.internal.persistence.ImportJobRow;
import org.tonearm.imports.internal.persistence.JooqImportEntryRepository;
import org.tonearm.imports.internal.persistence.JooqImportJobRepository;
import org.tonearm.listens.ListensProperties;
import org.tonearm.shared.Database;
import org.tonearm.testsupport.TestDatabase;
import org.tonearm.testsupport.TestUsers;

/**
 * Issue #17 item 2, on SQLite and PostgreSQL: an import stores the same listens (count, start times, merges, kept
 * reports) whatever the order of the file's rows and whatever the batch size — Apple Music's Play Activity is not in
 * time order, and one source's repeats within 2 s are one play (docs/api.md#deduplication), so chains of
 * near-simultaneous repeats used to be decided by where the 5,000-row batch boundaries fell. Jobs run through the
 * real {@link ImportRun} (reading, sorting, the pipeline, the funnel) with the batch and sort-run sizes under test.
 * One application context for the class, as the other {@code …IntegrationProperties}; each try has fresh users.
 */
class ImportOrderIntegrationProperties {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/imports/apple_music/"
            + "apple_music_play_activity_unsorted_near_repeats.csv");
    private static final String HEADER = "Container Album Name,Container Artist Name,Song Name,Event Start Timestamp,"
            + "Event End Timestamp,Event Type,End Reason Type,Play Duration Milliseconds,Media Duration In Milliseconds,"
            + "Device Type";
    private static final long T0 = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
    private static ConfigurableApplicationContext context;

    private static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            // as arguments: application.yaml would outrank builder default properties (port, data dir)
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false"));
            TestDatabase.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
            context = new SpringApplicationBuilder(TonearmApplication.class).run(args.toArray(String[]::new));
        }
        return context;
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Example
    void anUnsortedAppleMusicFileStoresTheSameListensWithAnyBatchSizeAndAsTheSameRowsSorted() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
        String file = String.join("\n", lines) + "\n";
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        body.sort(Comparator.comparing(ImportOrderIntegrationProperties::startOrEnd));
        String sorted = lines.get(0) + "\n" + String.join("\n", body) + "\n";
        assertThat(sorted).as("the fixture is out of time order").isNotEqualTo(file);

        Run base = importFile("Apple Music Play Activity.csv", file, 5_000, 20_000);
        List<String> expected = rows(base.user());
        long plays = lines.size() - 1 - lines.stream().filter(l -> l.contains(",PLAY_START,")).count();
        // the near-simultaneous repeats collapsed: fewer listens than plays, and some rows were duplicates
        assertThat(base.job().imported()).isEqualTo(expected.size()).isLessThan(plays).isGreaterThan(plays / 2);
        assertThat(base.job().duplicates()).isEqualTo(plays - base.job().imported());

        for (int batch : new int[] {100, 50_000}) {
            Run other = importFile("Apple Music Play Activity.csv", file, batch, 20_000);
            assertThat(rows(other.user())).as("batch size " + batch).isEqualTo(expected);
            assertThat(other.job().duplicates()).isEqualTo(base.job().duplicates());
        }
        // sorted runs on disk merged (runs of 97 rows), batches of 100
        Run spilled = importFile("Apple Music Play Activity.csv", file, 100, 97);
        assertThat(rows(spilled.user())).as("external merge").isEqualTo(expected);
        Run inOrder = importFile("Apple Music Play Activity.csv", sorted, 100, 20_000);
        assertThat(rows(inOrder.user())).as("the same rows sorted").isEqualTo(expected);

        List<ImportEntryRow> entries = context().getBean(JooqImportEntryRepository.class)
                .entries(base.user(), base.job().id());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.format()).isEqualTo("apple_music");
            assertThat(e.rowCount()).isEqualTo(lines.size() - 1);
            assertThat(e.imported()).isEqualTo(base.job().imported());
            assertThat(e.skipped()).isEqualTo(lines.size() - 1 - plays);
        });
    }

    /** One play with its near-simultaneous repeats: offsets within 3 s of each other, some stamped at their end. */
    private record Play(int track, long offsetMs, List<Integer> repeatGapsMs, long playedMs, boolean endStamped) {}

    @Property(tries = 12)
    void anyRowOrderAndBatchSizeStoreTheSameListens(@ForAll("histories") List<Play> plays, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (Play p : plays) {
            long at = T0 + p.offsetMs();
            rows.add(appleRow(p, at, 0));
            for (int i = 0; i < p.repeatGapsMs().size(); i++) {
                at += p.repeatGapsMs().get(i);
                rows.add(appleRow(p, at, i + 1));
            }
        }
        List<String> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(ImportOrderIntegrationProperties::startOrEnd));
        Collections.shuffle(rows, random);
        int batch = 1 + random.nextInt(12);
        int runSize = 1 + random.nextInt(20);

        Run inOrder = importFile("Apple Music Play Activity.csv", csv(sorted), 10_000, 20_000);
        Run shuffled = importFile("Apple Music Play Activity.csv", csv(rows), batch, runSize);

        assertThat(rows(shuffled.user())).as("batch %d, runs of %d", batch, runSize).isEqualTo(rows(inOrder.user()));
        assertThat(shuffled.job().imported()).isEqualTo(inOrder.job().imported());
        assertThat(shuffled.job().duplicates()).isEqualTo(inOrder.job().duplicates());
    }

    @Provide
    Arbitrary<List<Play>> histories() {
        Arbitrary<List<Integer>> gaps = Arbitraries.integers().between(0, 3_000).list().ofMaxSize(3);
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.longs().between(0, 1_800_000),
                        gaps, Arbitraries.longs().between(31_000, 200_000), Arbitraries.of(false, false, true))
                .as(Play::new).list().ofMinSize(1).ofMaxSize(30);
    }

    private static String appleRow(Play p, long startMs, int repeat) {
        String start = p.endStamped() && repeat % 2 == 0 ? "" : Instant.ofEpochMilli(startMs).toString();
        String end = Instant.ofEpochMilli(startMs + p.playedMs()).toString();
        String device = repeat % 2 == 0 ? "IPHONE" : "MAC";
        return String.join(",", "Album " + p.track(), "Artist " + p.track(), "Song " + p.track(), start, end,
                "PLAY_END", "NATURAL_END_OF_TRACK", Long.toString(p.playedMs()), "200000", device);
    }

    private static String csv(List<String> rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    /** A row's time as a sort key: its start, else its end (a row only stamped at its end). */
    private static String startOrEnd(String line) {
        String[] f = line.split(",", -1);
        return f[3].isEmpty() ? f[4] : f[3];
    }

    private record Run(long user, ImportJobRow job) {}

    /** A fresh user's import of {@code text} run to its end on this thread, with the given sizes. */
    private static Run importFile(String name, String text, int batchSize, int sortRunSize) {
        Database db = context().getBean(Database.class);
        JooqImportJobRepository jobs = context().getBean(JooqImportJobRepository.class);
        long user = TestUsers.create(db, "UTC");
        Path upload;
        try {
            upload = Files.createTempFile("import-order-", ".upload");
            Files.writeString(upload, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String node = "order-test/" + user;
        long now = System.currentTimeMillis();
        // claimed by this test from the start (running, fresh heartbeat): the application's runner never takes it
        long id = db.write(() -> db.dsl().insertInto(IMPORT_JOBS).set(IMPORT_JOBS.USER_ID, user)
                .set(IMPORT_JOBS.STATUS, "running").set(IMPORT_JOBS.FORMAT, "apple_music")
                .set(IMPORT_JOBS.FORMAT_FORCED, false).set(IMPORT_JOBS.FILE_NAME, name)
                .set(IMPORT_JOBS.FILE_PATH, upload.toString()).set(IMPORT_JOBS.FILE_SIZE, (long) text.length())
                .set(IMPORT_JOBS.CLAIMED_BY, node).set(IMPORT_JOBS.HEARTBEAT_AT, now)
                .set(IMPORT_JOBS.CREATED_AT, now).set(IMPORT_JOBS.STARTED_AT, now)
                .returning(IMPORT_JOBS.ID).fetchOne(IMPORT_JOBS.ID));
        ImportsProperties properties = new ImportsProperties(null, null, null, null, batchSize, null, null, null, null,
                sortRunSize);
        new ImportRun(jobs.findById(id).orElseThrow(), node, properties, context().getBean(FormatFinder.class), jobs,
                context().getBean(ImportBatchWriter.class), context().getBean(ListensProperties.class), () -> false).run();
        ImportJobRow job = jobs.findById(id).orElseThrow();
        assertThat(job.status()).as(job.error()).isEqualTo("completed");
        return new Run(user, job);
    }

    /** What a user could see of their listens (no ids): each listen with its kept and absorbed reports, sorted. */
    private static List<String> rows(long user) {
        Database db = context().getBean(Database.class);
        List<String> rows = new ArrayList<>(db.dsl().select(LISTENS.TRACK_ID, LISTENS.LISTENED_AT,
                        LISTENS.DURATION_PLAYED_MS, LISTENS.CLASSIFICATION, LISTENS.EXTERNAL_ID, LISTENS.MERGE_COUNT,
                        LISTENS.RAW)
                .from(LISTENS).where(LISTENS.USER_ID.eq(user)).fetch().map(r -> r.formatCSV(false).trim()));
        db.dsl().select(LISTEN_SOURCES.LISTENED_AT, LISTEN_SOURCES.SERVICE, LISTEN_SOURCES.EXTERNAL_ID)
                .from(LISTEN_SOURCES).where(LISTEN_SOURCES.USER_ID.eq(user)).fetch()
                .forEach(r -> rows.add("absorbed:" + r.formatCSV(false).trim()));
        Collections.sort(rows);
        return rows;
    }
}
