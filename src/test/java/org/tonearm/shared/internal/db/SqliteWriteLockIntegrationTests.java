package org.tonearm.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tonearm.shared.Database;
import org.tonearm.testsupport.TestApps;
import org.tonearm.testsupport.TestDatabase;

/**
 * A writer in another process must wait for Tonearm's write transaction, not break it: a write transaction that
 * reads first (as every ingest does) holds SQLite's write lock from its start (SqliteImmediateTransactionManager).
 * Before, the other writer slipped in between the read and the first write and the transaction failed with
 * SQLITE_BUSY_SNAPSHOT, without waiting for busy_timeout.
 */
class SqliteWriteLockIntegrationTests {

    @Test
    void aWriterFromAnotherConnectionWaitsForAWriteTransactionThatReadFirst() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "SQLite's file lock");
        Path dir = Files.createTempDirectory("tonearm-writelock-");
        try (TestApps.App app = startWithProbeTable(dir)) {
            Database db = app.context().getBean(Database.class);
            CountDownLatch hasRead = new CountDownLatch(1);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tonearm.db"));
                        Statement s = c.createStatement()) {
                    s.execute("pragma busy_timeout = 10000");
                    hasRead.await(10, TimeUnit.SECONDS);
                    s.execute("insert into lock_probe values ('other process')");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            db.writeVoid(() -> {
                db.dsl().fetchCount(db.dsl().selectFrom("lock_probe"));
                hasRead.countDown();
                sleep(500); // time for the other writer to commit, were it let in
                db.dsl().execute("insert into lock_probe values ('tonearm')");
            });
            other.get(15, TimeUnit.SECONDS);

            assertThat(db.dsl().fetch("select writer from lock_probe order by rowid").getValues(0, String.class))
                    .containsExactly("tonearm", "other process");
        }
    }

    @Test
    void readTransactionsDoNotWaitForAWriter() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "SQLite's file lock");
        Path dir = Files.createTempDirectory("tonearm-writelock-");
        try (TestApps.App app = startWithProbeTable(dir)) {
            Database db = app.context().getBean(Database.class);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tonearm.db"));
                    Statement s = c.createStatement()) {
                s.execute("begin immediate");
                s.execute("insert into lock_probe values ('uncommitted')");
                long started = System.nanoTime();
                int seen = db.read(() -> db.dsl().fetchCount(db.dsl().selectFrom("lock_probe")));
                assertThat(seen).isZero();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2_000);
                s.execute("rollback");
            }
        }
    }

    /** Tonearm on its own SQLite file, with a scratch table both writers use. */
    private static TestApps.App startWithProbeTable(Path dir) {
        TestApps.App app = TestApps.start(Map.of("tonearm.data-dir", dir.toString()));
        Database db = app.context().getBean(Database.class);
        db.writeVoid(() -> db.dsl().execute("create table lock_probe (writer text)"));
        return app;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
