package org.tonearm.ops.internal.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.nio.file.Path;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tonearm.ops.internal.persistence.JooqHealthProbe;
import org.tonearm.shared.DatabaseKind;
import org.tonearm.shared.DatabaseProperties;

/**
 * The {@code db} component: the database answers {@code select 1}; details name the database and the
 * measured round trip (docs/api.md#health "/health/db includes the round-trip time").
 *
 * <p>The bean name {@code dbHealthIndicator} replaces Spring Boot's own DataSource indicator, which would
 * otherwise report a second component called {@code db} without the round trip.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);

    private final JooqHealthProbe probe;
    private final String databaseName;

    /** The embedded SQLite file's directory; null on PostgreSQL or an explicit SQLite URL. */
    private final Path sqliteDir;

    DatabaseHealthIndicator(JooqHealthProbe probe, DatabaseKind kind, DatabaseProperties properties) {
        this.probe = probe;
        String url = properties.db().url();
        this.sqliteDir = kind == DatabaseKind.SQLITE && (url == null || url.isBlank())
                ? Path.of(properties.dataDir()).toAbsolutePath().normalize() : null;
        this.databaseName = kind == DatabaseKind.SQLITE ? "SQLite" : "PostgreSQL";
    }

    /**
     * One unreported probe at startup: the very first jOOQ query pays for class loading and rendering
     * setup (hundreds of ms), which is not database latency and must not show up as the first round trip.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        health();
    }

    @Override
    public Health health() {
        try {
            long nanos = probe.selectOneNanos();
            String storage = sqliteDir == null ? null : DataDirectorySpace.problem(sqliteDir);
            if (storage != null) {
                // reads answer, writes would not: DOWN with the cause (writes get 503 with it meanwhile)
                return Health.down().withDetail("database", databaseName).withDetail("reason", storage)
                        .withDetail("round_trip_ms", millis(nanos)).build();
            }
            return Health.up().withDetail("database", databaseName).withDetail("round_trip_ms", millis(nanos)).build();
        } catch (RuntimeException e) {
            // the endpoint is public: the exception text may carry the JDBC URL (host names), so a reason from a
            // short list and the root cause's type, enough to triage; the log has the rest
            return Health.down().withDetail("database", databaseName).withDetail("reason", reason(e))
                    .withDetail("error", rootCause(e).getClass().getSimpleName()).build();
        }
    }

    /** What went wrong, in an operator's words (docs/operations.md lists what to do for each). */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("SQLITE_FULL")) {
                return "disk full";
            }
            if (message.contains("SQLITE_READONLY") || message.contains("SQLITE_CANTOPEN")) {
                return "data directory not writable";
            }
            if (t instanceof SQLTransientConnectionException) {
                return "no connection within the connection timeout";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer within the statement timeout";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return "connection lost";
            }
        }
        return "query failed";
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Milliseconds with 3 decimals (microsecond resolution), e.g. 0.412. */
    static BigDecimal millis(long nanos) {
        return BigDecimal.valueOf(nanos).divide(NANOS_PER_MILLI, 3, RoundingMode.HALF_UP);
    }
}
