package org.tonearm.shared.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tonearm.shared.DatabaseKind;
import org.tonearm.shared.DatabaseProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the connection pool: the embedded SQLite file under the data directory unless
 * {@code tonearm.db.url} names another database (PostgreSQL).
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    @Bean
    DatabaseKind databaseKind(DatabaseProperties properties) {
        String url = properties.db().url();
        if (url == null || url.isBlank() || url.startsWith("jdbc:sqlite:")) {
            return DatabaseKind.SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return DatabaseKind.POSTGRES;
        }
        throw new IllegalStateException("tonearm.db.url must be a jdbc:sqlite: or jdbc:postgresql: URL, got " + url);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties, DatabaseKind kind,
            @Value("${tonearm.db.sqlite-cache-size:16MB}") DataSize sqliteCacheSize) throws IOException {
        // fail at once, with one line naming the directory, instead of at the first write (issue #16)
        DataDirectory.requireWritable(properties.dataDir());
        HikariConfig config = new HikariConfig();
        config.setPoolName("tonearm");
        if (kind == DatabaseKind.SQLITE) {
            configureSqlite(config, properties, sqliteCacheSize);
        } else {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
            // lets the driver turn JDBC batches into multi-row inserts: the bulk path of ingestBatch
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // Plan every execution with its values: prepareThreshold=0 keeps pgjdbc on unnamed statements, which
            // PostgreSQL plans with the bound values each time. Server-side prepared statements would, after five
            // runs, let PostgreSQL keep a generic plan chosen while a table was small; without fresh statistics
            // (autovacuum off or behind during a big import) nothing replaces it. Seen: the external-id lookup of
            // a 1,000,000-row import stuck on a scan of the user's listens (docs/performance.md). Not the session
            // setting plan_cache_mode=force_custom_plan, tried first: it also re-plans the foreign-key trigger's
            // internal query for every inserted row, which made a COPY of listens 4x slower (perf profile:
            // 60 % of the server's time in the trigger, two thirds of it planning; docs/performance.md).
            config.addDataSourceProperty("prepareThreshold", "0");
            // Bounded waits (issue #16): opening a connection and any one read from the server. A partitioned
            // network otherwise holds a request until the kernel gives up on TCP (minutes). Seconds, rounded up.
            config.addDataSourceProperty("connectTimeout", Long.toString(ceilSeconds(properties.db().connectionTimeout())));
            config.addDataSourceProperty("loginTimeout", Long.toString(ceilSeconds(properties.db().connectionTimeout())));
            config.addDataSourceProperty("socketTimeout", Long.toString(ceilSeconds(properties.db().statementTimeout())));
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.setMaximumPoolSize(properties.db().poolSize(DatabaseKind.POSTGRES));
        }
        // A borrower waits at most connectionTimeout; a pooled connection idle for a moment is checked first,
        // within validationTimeout (Hikari wants it below connectionTimeout, and at least 250 ms)
        long waitMs = properties.db().connectionTimeout().toMillis();
        config.setConnectionTimeout(waitMs);
        config.setValidationTimeout(Math.max(250, waitMs * 2 / 3));
        HikariDataSource pool = new HikariDataSource(config);
        if (kind == DatabaseKind.SQLITE) {
            return pool; // a local file: nothing to reconnect to
        }
        // the way back in right after an outage (RecoveringDataSource): the same driver, URL and properties
        return new RecoveringDataSource(pool, new DriverDataSource(config.getJdbcUrl(), null,
                config.getDataSourceProperties(), config.getUsername(), config.getPassword()));
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    /**
     * Liquibase migrates PostgreSQL through a connection of its own, without the statement timeout: building an
     * index on a large table may rightly take minutes. On SQLite (no URL here) it uses the pool.
     */
    @Bean
    LiquibaseConnectionDetails liquibaseConnectionDetails(DatabaseProperties properties, DatabaseKind kind) {
        boolean postgres = kind == DatabaseKind.POSTGRES;
        return new LiquibaseConnectionDetails() {
            @Override
            public String getUsername() {
                return postgres ? properties.db().user() : null;
            }

            @Override
            public String getPassword() {
                return postgres ? properties.db().password() : null;
            }

            @Override
            public String getJdbcUrl() {
                return postgres ? properties.db().url() : null;
            }
        };
    }

    private static void configureSqlite(HikariConfig config, DatabaseProperties properties, DataSize cacheSize)
            throws IOException {
        String url = properties.db().url();
        if (url == null || url.isBlank()) {
            Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
            url = "jdbc:sqlite:" + dir.resolve("tonearm.db");
        }
        config.setJdbcUrl(url);
        // WAL: readers never block the single writer; busy_timeout: a writer from another process waits
        // instead of failing (write transactions begin IMMEDIATE for that: SqliteImmediateTransactionManager);
        // NORMAL sync is durable across application crashes in WAL mode.
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "30000");
        config.addDataSourceProperty("foreign_keys", "true");
        // The page cache is per connection and outside the Java heap: the pool's 8 connections at the former 64 MiB
        // each could hold 512 MiB, most of the 2-2.5x the heap the process held after an import (issue #19 item 6).
        // 16 MiB (tonearm.db.sqlite-cache-size) keeps a batch's index pages; the OS page cache keeps the rest of
        // the file. A negative cache_size is in KiB.
        config.addDataSourceProperty("cache_size", Long.toString(-Math.max(1, cacheSize.toKilobytes())));
        // Checkpoint the WAL every 20,000 pages (80 MB) instead of SQLite's 1,000: an ingest batch dirties thousands
        // of index pages, and with the default every commit paid a checkpoint (copy back + fsync) of pages the
        // next commits dirty again. Measured: raw batched insert of 1M listens +15-20 % (docs/performance.md).
        config.setConnectionInitSql("PRAGMA wal_autocheckpoint=20000");
        config.setMaximumPoolSize(properties.db().poolSize(DatabaseKind.SQLITE));
    }

    @Bean
    DefaultConfigurationCustomizer tonearmJooqDialect(DatabaseKind kind) {
        return configuration -> {
            configuration.set(kind == DatabaseKind.SQLITE ? SQLDialect.SQLITE : SQLDialect.POSTGRES);
            configuration.settings().withExecuteLogging(false).withRenderSchema(false);
        };
    }

    /** SQLite write transactions begin IMMEDIATE (see {@link SqliteImmediateTransactionManager}); Boot's default otherwise. */
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource, DatabaseKind kind) {
        return kind == DatabaseKind.SQLITE ? new SqliteImmediateTransactionManager(dataSource)
                : new JdbcTransactionManager(dataSource);
    }
}
