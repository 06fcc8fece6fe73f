package org.tonearm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;

/**
 * An empty database for one measurement: SQLite in a new temporary data directory, or PostgreSQL in a new
 * schema of database {@code test} on 127.0.0.1:5432 (user postgres, trust auth — the machine's setup).
 * {@link #boot} starts the application context without the web server; Liquibase creates the schema.
 * {@link #databaseProperties} are the same settings for a Tonearm server started as a process of its own.
 */
final class FreshDatabase implements AutoCloseable {

    static final String PG_URL = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("bench.pg.user", "postgres");

    private final String kind;
    private final Path dataDir;
    private final String pgSchema;
    private final boolean keep;
    private ConfigurableApplicationContext context;

    private FreshDatabase(String kind, Path dataDir, String pgSchema, boolean keep) {
        this.kind = kind;
        this.dataDir = dataDir;
        this.pgSchema = pgSchema;
        this.keep = keep;
    }

    static FreshDatabase create(String kind, String purpose, boolean keep) throws IOException, SQLException {
        Path dir = Files.createTempDirectory("tonearm-bench-" + purpose + "-");
        if (kind.equals("sqlite")) {
            return new FreshDatabase(kind, dir, null, keep);
        }
        String schema = "bench_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.createStatement().execute("create schema " + schema);
        }
        return new FreshDatabase(kind, dir, schema, keep);
    }

    /**
     * The database a kept run left: {@code place} is its SQLite data directory or its PostgreSQL schema (as printed
     * by {@link #describe()}). Always kept.
     */
    static FreshDatabase existing(String kind, String place) throws IOException {
        if (kind.equals("sqlite")) {
            return new FreshDatabase(kind, Path.of(place), null, true);
        }
        return new FreshDatabase(kind, Files.createTempDirectory("tonearm-bench-reuse-"), place, true);
    }

    ConfigurableApplicationContext boot() {
        return boot(List.of());
    }

    /** {@link #boot()} with more application properties ({@code name=value}), e.g. a switch under measurement. */
    ConfigurableApplicationContext boot(List<String> extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.main.banner-mode=off",
                "logging.level.root=warn",
                "logging.level.org.springframework.boot.diagnostics=off",
                "logging.level.org.springframework.context=error",
                "logging.level.org.tonearm=info"));
        properties.addAll(databaseProperties());
        properties.addAll(extraProperties);
        try {
            context = start(WebApplicationType.NONE, properties);
        } catch (RuntimeException e) {
            // some web-only configuration (e.g. a SecurityFilterChain needing HttpSecurity) is not conditional
            // on a web application yet: start the servlet stack on a random port instead; it stays idle
            System.out.println("NOTE: context without web server failed (" + rootMessage(e)
                    + "); starting it with an idle web server on a random port");
            properties.add("server.port=0");
            context = start(WebApplicationType.SERVLET, properties);
        }
        return context;
    }

    /** The whole application with its web server on a random port ({@code local.server.port}), for page benchmarks. */
    ConfigurableApplicationContext bootWeb(List<String> extraProperties) {
        List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off", "logging.level.root=warn",
                "logging.level.org.tonearm=info", "server.port=0"));
        properties.addAll(databaseProperties());
        properties.addAll(extraProperties);
        context = start(WebApplicationType.SERVLET, properties);
        return context;
    }

    /** The application properties that point Tonearm at this database (for a context here or a server process). */
    List<String> databaseProperties() {
        List<String> properties = new ArrayList<>(List.of("tonearm.data-dir=" + dataDir));
        if (pgSchema != null) {
            properties.add("tonearm.db.url=" + PG_URL + "?currentSchema=" + pgSchema);
            properties.add("tonearm.db.user=" + PG_USER);
            properties.add("tonearm.db.password=");
        }
        return properties;
    }

    private static ConfigurableApplicationContext start(WebApplicationType type, List<String> properties) {
        // as command-line arguments, not builder default properties: those rank below application.yaml,
        // whose tonearm.data-dir: ./data would win
        return new SpringApplicationBuilder(TonearmApplication.class)
                .web(type)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    String describe() {
        return pgSchema != null ? "postgresql schema " + pgSchema : "sqlite " + dataDir.resolve("tonearm.db");
    }

    String kind() {
        return kind.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws Exception {
        if (context != null) {
            context.close();
        }
        if (keep) {
            System.out.println("kept " + describe());
            return;
        }
        if (pgSchema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
                c.createStatement().execute("drop schema if exists " + pgSchema + " cascade");
            }
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
