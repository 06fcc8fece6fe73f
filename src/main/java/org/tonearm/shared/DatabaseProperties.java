package org.tonearm.shared;

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
            db = new Db(null, null, null, 0);
        }
    }

    /** @param poolSize connections in the pool (0: default per database) */
    public record Db(String url, String user, String password, int poolSize) {}
}
