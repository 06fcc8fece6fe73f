package org.tonearm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The ceiling: the same listens rows written by plain JDBC ({@code addBatch/executeBatch}, one transaction per
 * batch — 1,000 rows in the ingest benchmark, the import's batches in the import benchmark) through the
 * application's own connection pool, so SQLite pragmas and PostgreSQL's {@code reWriteBatchedInserts=true} are
 * the ones the application runs with (but on PostgreSQL with the driver's default server-side prepared statements).
 */
final class RawJdbcBaseline {

    private static final String INSERT = "insert into listens (id, user_id, track_id, album_id, listened_at,"
            + " duration_played_ms, track_length_ms, classification, weight, service, channel, origin, client,"
            + " external_id, local_day, local_hour, merge_count, extra, raw, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private long nextId;

    RawJdbcBaseline(DataSource dataSource) {
        this(dataSource, 1);
    }

    /** Ids from {@code firstId} on: a base loaded beside an application that allocates its own ids below them. */
    RawJdbcBaseline(DataSource dataSource, long firstId) {
        this.dataSource = dataSource;
        this.nextId = firstId;
    }

    /** CPU time of the inserting thread during the last {@link #insert} (SQLite: includes the engine). */
    long lastCpuNanos;

    /** Inserts every batch; returns the wall-clock nanoseconds spent, per batch. */
    long[] insert(List<List<ListenRow>> batches) throws SQLException {
        long[] nanos = new long[batches.size()];
        try (Session session = open()) {
            for (int b = 0; b < batches.size(); b++) {
                nanos[b] = session.insert(batches.get(b));
            }
            lastCpuNanos = session.cpuNanos();
        }
        return nanos;
    }

    /** One connection for batches that arrive one at a time (the import baseline parses between them). */
    Session open() throws SQLException {
        return new Session(dataSource.getConnection());
    }

    /** Inserts batches on one connection, each in its own transaction, and adds up the time spent in them. */
    final class Session implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement insert;
        private long wallNanos;
        private long cpuNanos;
        private long batches;

        private Session(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            if (connection.isWrapperFor(PGConnection.class)) {
                // the driver's default, not the application's prepareThreshold=0: the ceiling is the best a plain
                // batched insert does, a server-side prepared multi-row insert planned once
                connection.unwrap(PGConnection.class).setPrepareThreshold(5);
            }
            this.insert = connection.prepareStatement(INSERT);
        }

        /** Binds, executes and commits one batch; returns its wall-clock nanoseconds. */
        long insert(List<ListenRow> rows) throws SQLException {
            long cpuStart = ThreadCpu.now();
            long start = System.nanoTime();
            long now = System.currentTimeMillis();
            for (ListenRow row : rows) {
                bind(insert, row, nextId++, now);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            long nanos = System.nanoTime() - start;
            wallNanos += nanos;
            cpuNanos += ThreadCpu.now() - cpuStart;
            batches++;
            return nanos;
        }

        long wallNanos() {
            return wallNanos;
        }

        long cpuNanos() {
            return cpuNanos;
        }

        long batches() {
            return batches;
        }

        @Override
        public void close() throws SQLException {
            try (connection; insert) {
                connection.setAutoCommit(true);
                if (connection.isWrapperFor(PGConnection.class)) {
                    connection.unwrap(PGConnection.class).setPrepareThreshold(0);
                }
            }
        }
    }

    private static void bind(PreparedStatement s, ListenRow row, long id, long now) throws SQLException {
        s.setLong(1, id);
        s.setLong(2, row.userId());
        s.setLong(3, row.trackId());
        setLong(s, 4, row.albumId());
        s.setLong(5, row.listenedAt());
        setLong(s, 6, row.playedMs());
        setLong(s, 7, row.lengthMs());
        s.setString(8, row.classification());
        s.setDouble(9, row.weight());
        s.setString(10, row.service());
        s.setString(11, row.channel());
        s.setString(12, row.origin());
        s.setString(13, row.client());
        s.setString(14, row.externalId());
        s.setInt(15, row.localDay());
        s.setShort(16, (short) row.localHour());
        setString(s, 17, row.extra());
        setString(s, 18, row.raw());
        s.setLong(19, now);
        s.setLong(20, now);
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static void setString(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
