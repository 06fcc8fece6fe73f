package org.tonearm.shared.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's write transactions start with {@code BEGIN IMMEDIATE}; read-only ones stay deferred.
 *
 * <p>Why: sqlite-jdbc begins every transaction {@code DEFERRED}, so a write transaction whose first statement reads
 * (every ingest does: candidates first, inserts after) runs on a read snapshot and upgrades to a writer at its first
 * write. If another connection committed in between, SQLite answers {@code SQLITE_BUSY_SNAPSHOT} at once, without
 * waiting for {@code busy_timeout} (https://www.sqlite.org/lang_transaction.html, "read transaction is upgraded").
 * In one Tonearm process {@code JooqDatabase}'s writer lock keeps its own writers apart, but a writer in another
 * process (the admin CLI, a second context on the same file in the test JVM, seen as a flaky CI failure of
 * ListenIngestIntegrationProperties) could fail a batch. Taking the write lock first makes such writers wait their
 * turn for up to busy_timeout instead.
 *
 * <p>How: Spring has already sent sqlite-jdbc's deferred {@code begin} (which takes no lock) when this hook runs;
 * switching the connection's mode and committing that empty transaction makes the driver begin the next one
 * {@code IMMEDIATE} (its public API, {@code SQLiteConnection#commit} re-begins with the configured mode). The mode
 * goes back to deferred right away so read transactions never queue behind a writer.
 */
class SqliteImmediateTransactionManager extends JdbcTransactionManager {

    SqliteImmediateTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        if (definition.isReadOnly()) {
            return;
        }
        SQLiteConnection sqlite = con.unwrap(SQLiteConnection.class);
        sqlite.getConnectionConfig().setTransactionMode(TransactionMode.IMMEDIATE);
        try {
            sqlite.commit(); // ends the empty deferred transaction and begins an immediate one
        } finally {
            sqlite.getConnectionConfig().setTransactionMode(TransactionMode.DEFERRED);
        }
    }
}
