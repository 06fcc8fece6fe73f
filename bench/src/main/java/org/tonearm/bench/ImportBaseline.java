package org.tonearm.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportFormats;
import org.tonearm.imports.ImportSink;
import org.tonearm.imports.internal.archive.ArchiveLimits;
import org.tonearm.imports.internal.archive.UploadReader;
import org.tonearm.listens.IncomingListen;
import org.tonearm.shared.Database;

/**
 * The import's ceiling: the rows an import of the same zip stores, inserted with plain batched JDBC
 * ({@link RawJdbcBaseline}) into the listens table of a fresh database with the same schema, whose catalog is
 * written beforehand (not timed). The zip is read the way the import reads it — entries in order, each file's
 * format detected by the application's {@link ImportFormats}, rows mapped by that format — and cut into the
 * import's batches: a commit every {@code batchSize} rows of a file (skipped rows count, as in the job) and at
 * the end of each file. Only binding, executing and committing the batches is timed; reading the zip between
 * batches is not.
 */
final class ImportBaseline {

    /**
     * {@code rows}: listens rows inserted; {@code seconds}: time in the batches (the measurement); {@code cpuSeconds}:
     * this thread's CPU in them; {@code readSeconds}: the untimed rest — inflating, parsing and mapping the rows, the
     * part of an import's work that is neither the funnel nor the database.
     */
    record Outcome(long rows, long batches, double seconds, double cpuSeconds, double readSeconds, int tableRows) {}

    private final int batchSize;

    ImportBaseline(int batchSize) {
        this.batchSize = batchSize;
    }

    Outcome run(String db, Path zip, SyntheticCatalog catalog, boolean keep) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.create(db, "importraw", keep)) {
            ConfigurableApplicationContext context = fresh.boot();
            Database database = context.getBean(Database.class);
            DataSource dataSource = context.getBean(DataSource.class);
            ImportFormats formats = context.getBean(ImportFormats.class);
            long user = BenchUsers.create(database, "spotify_", 1)[0];
            BaselineCatalog seeded = new BaselineCatalog();
            seeded.seed(dataSource, catalog);
            RawJdbcBaseline baseline = new RawJdbcBaseline(dataSource);
            System.gc();
            try (RawJdbcBaseline.Session session = baseline.open()) {
                Batches batches = new Batches(seeded, session);
                long start = System.nanoTime();
                UploadReader reader = new UploadReader(new ArchiveLimits(100_000, Long.MAX_VALUE, 1_000));
                reader.read(zip, zip.getFileName().toString(), index -> true, entry -> {
                    ImportFormat format = formats.detect(entry.name(), entry.head()).orElse(null);
                    if (format != null) {
                        format.parse(entry.body(), new ImportContext(user, entry.name()), batches);
                        batches.flush();
                    }
                    return true;
                });
                double readSeconds = (System.nanoTime() - start - session.wallNanos()) / 1e9;
                int tableRows = database.read(() -> database.dsl().fetchCount(org.tonearm.schema.Tables.LISTENS));
                return new Outcome(batches.rows, session.batches(), session.wallNanos() / 1e9,
                        session.cpuNanos() / 1e9, readSeconds, tableRows);
            }
        }
    }

    /** The import's batching (BatchingSink): {@code batchSize} rows of any kind, or the end of a file. */
    private final class Batches implements ImportSink {

        private final BaselineCatalog catalog;
        private final RawJdbcBaseline.Session session;
        private final List<IncomingListen> pending = new ArrayList<>();
        private int events;
        long rows;

        Batches(BaselineCatalog catalog, RawJdbcBaseline.Session session) {
            this.catalog = catalog;
            this.session = session;
        }

        @Override
        public void listen(long rowNumber, IncomingListen listen) {
            pending.add(listen);
            counted();
        }

        @Override
        public void skipped(long rowNumber, String reason) {
            counted();
        }

        @Override
        public void failed(long rowNumber, String reason, String rawRow) {
            counted();
        }

        private void counted() {
            if (++events >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                List<ListenRow> batch = new ArrayList<>(pending.size());
                pending.forEach(in -> batch.add(catalog.row(in)));
                try {
                    session.insert(batch);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                rows += batch.size();
            }
            pending.clear();
            events = 0;
        }
    }
}
