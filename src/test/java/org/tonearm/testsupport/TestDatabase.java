package org.tonearm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the suite runs on: {@code -Dtonearm.test.db=sqlite} (default) or {@code postgres}.
 * The Maven build runs the integration tests once per database (see pom.xml, surefire executions).
 *
 * <p>On PostgreSQL (127.0.0.1:5432, user postgres, trust auth, database test) each test JVM gets a fresh
 * schema, dropped at exit. When PostgreSQL is not reachable the tests are skipped on a laptop, but fail
 * under {@code CI=true} (docs/architecture.md).
 */
public final class TestDatabase {

    public static final String PG_URL = System.getProperty("tonearm.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("tonearm.test.pg.user", "postgres");

    private static final String KIND = System.getProperty("tonearm.test.db", "sqlite").toLowerCase(Locale.ROOT);
    private static String pgSchema;
    private static Path sqliteDir;

    private TestDatabase() {}

    public static boolean isPostgres() {
        return KIND.equals("postgres");
    }

    public static String name() {
        return isPostgres() ? "PostgreSQL" : "SQLite";
    }

    /** Registers the Tonearm database properties for a Spring test context on the selected database. */
    public static void register(DynamicPropertyRegistry registry) {
        if (isPostgres()) {
            String schema = postgresSchema();
            registry.add("tonearm.db.url", () -> PG_URL + "?currentSchema=" + schema);
            registry.add("tonearm.db.user", () -> PG_USER);
            registry.add("tonearm.db.password", () -> "");
        }
        registry.add("tonearm.data-dir", () -> sqliteDir().toString());
    }

    /** The same settings as plain properties, for contexts started without the Spring test framework. */
    public static java.util.Map<String, Object> properties() {
        java.util.Map<String, Object> props = new java.util.LinkedHashMap<>();
        if (isPostgres()) {
            props.put("tonearm.db.url", PG_URL + "?currentSchema=" + postgresSchema());
            props.put("tonearm.db.user", PG_USER);
            props.put("tonearm.db.password", "");
        }
        props.put("tonearm.data-dir", sqliteDir().toString());
        return props;
    }

    /** The JDBC URL of the database this JVM's contexts use (for raw checks in tests). */
    public static String jdbcUrl() {
        return isPostgres() ? PG_URL + "?currentSchema=" + postgresSchema() : "jdbc:sqlite:" + sqliteDir().resolve("tonearm.db");
    }

    public static Connection connect() throws SQLException {
        return isPostgres() ? DriverManager.getConnection(jdbcUrl(), PG_USER, "") : DriverManager.getConnection(jdbcUrl());
    }

    static synchronized Path sqliteDir() {
        if (sqliteDir == null) {
            try {
                sqliteDir = Files.createTempDirectory("tonearm-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sqliteDir;
    }

    static synchronized String postgresSchema() {
        if (pgSchema != null) {
            return pgSchema;
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is required under CI=true but is not reachable at " + PG_URL, e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + PG_URL + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(schema)));
        pgSchema = schema;
        return schema;
    }

    private static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException ignored) {
            // best effort at JVM exit
        }
    }
}
