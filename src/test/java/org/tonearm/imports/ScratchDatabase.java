package org.tonearm.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.tonearm.testsupport.TestDatabase;

/**
 * A database of its own (fresh SQLite directory or PostgreSQL schema, on the kind the run selected) for tests
 * that start and stop whole application instances, so the shared test context never claims their jobs.
 */
final class ScratchDatabase {

    private final Path dataDir;
    private final String pgSchema;

    ScratchDatabase() {
        try {
            dataDir = Files.createTempDirectory("tonearm-scratch-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (TestDatabase.isPostgres()) {
            TestDatabase.properties(); // skips or fails like every PostgreSQL test when the server is missing
            pgSchema = "s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, "")) {
                c.createStatement().execute("create schema " + pgSchema);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        } else {
            pgSchema = null;
        }
    }

    /** Spring properties pointing an application at this database. */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tonearm.data-dir", dataDir.toString());
        if (pgSchema != null) {
            p.put("tonearm.db.url", TestDatabase.PG_URL + "?currentSchema=" + pgSchema);
            p.put("tonearm.db.user", TestDatabase.PG_USER);
            p.put("tonearm.db.password", "");
        }
        return p;
    }

    Connection connect() throws SQLException {
        return pgSchema != null
                ? DriverManager.getConnection(TestDatabase.PG_URL + "?currentSchema=" + pgSchema, TestDatabase.PG_USER, "")
                : DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("tonearm.db"));
    }

    void drop() {
        if (pgSchema != null) {
            try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, "")) {
                c.createStatement().execute("drop schema if exists " + pgSchema + " cascade");
            } catch (SQLException ignored) {
                // best effort
            }
        }
    }
}
