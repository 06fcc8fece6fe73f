package org.tonearm.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. Environment names by relaxed binding: {@code TONEARM_DATA_DIR},
 * {@code TONEARM_DB_URL}, {@code TONEARM_DB_USER}, {@code TONEARM_DB_PASSWORD}.
 *
 * @param dataDir  directory for the SQLite file and other local state (default {@code ./data})
 * @param db       an explicit JDBC connection; blank url means the embedded SQLite file
 */
@ConfigurationProperties("tonearm")
public record DatabaseProperties(String dataDir, Db db) {

    public DatabaseProperties {
        if (dataDir == null || dataDir.isBlank()) {
            dataDir = "./data";
        }
        if (db == null) {
            db = new Db(null, null, null, 0, null, null);
        }
    }

    /**
     * @param poolSize          connections in the pool (0: default per database)
     * @param connectionTimeout longest wait for a pooled connection, and for a new PostgreSQL connection to open
     *                          ({@code TONEARM_DB_CONNECTION_TIMEOUT}, default 3 s): while the database is away a
     *                          request gets its 503 within this, not after Hikari's default 30 s (issue #16)
     * @param statementTimeout  PostgreSQL: longest a statement may go without an answer before its connection is
     *                          given up ({@code TONEARM_DB_STATEMENT_TIMEOUT}, default 10 s; 0 s: no limit): bounds a
     *                          request caught in flight by a network partition. Migrations run without it.
     */
    public record Db(String url, String user, String password, int poolSize, Duration connectionTimeout,
            Duration statementTimeout) {

        public Db {
            if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
                // Hikari's floor: it refuses anything below 250 ms
                connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(3) : Duration.ofMillis(250);
            }
            if (statementTimeout == null || statementTimeout.isNegative()) {
                statementTimeout = Duration.ofSeconds(10);
            }
        }

        /** The pool's size: the configured one, else 8 connections on SQLite and 10 on PostgreSQL. */
        public int poolSize(DatabaseKind kind) {
            return poolSize > 0 ? poolSize : kind == DatabaseKind.SQLITE ? 8 : 10;
        }
    }
}
