package org.tonearm.shared;

import java.sql.SQLException;
import org.springframework.transaction.TransactionException;

/**
 * What every protocol says while the database cannot be reached or fails a statement (issue #16, docs/api.md#accounts-and-authentication
 * DATABASE_ERROR): HTTP 503 with {@code Retry-After}, so clients keep the submission and retry instead of
 * treating it as accepted or as rejected for good.
 */
public final class DatabaseUnavailable {

    /** A client retrying after this many seconds finds a database back from a restart or a failover. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String REASON = "The database is unavailable; try again later";

    public static final String DISK_FULL = "The disk holding the database is full; try again later";
    public static final String NOT_WRITABLE = "The database cannot write to its disk; try again later";

    private DatabaseUnavailable() {}

    /**
     * The reason a client is given: SQLite's full disk (SQLITE_FULL) and read-only or failing storage
     * (SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN) by name, since the operator's fix differs; anything else
     * as the database being unavailable. SQLite rolls the whole transaction back in each case: nothing is half-written.
     */
    public static String reason(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("SQLITE_FULL")) {
                return DISK_FULL;
            }
            if (message.contains("SQLITE_READONLY") || message.contains("SQLITE_IOERR")
                    || message.contains("SQLITE_CANTOPEN")) {
                return NOT_WRITABLE;
            }
        }
        return REASON;
    }

    /**
     * True when {@code failure} or one of its causes comes from the database: Spring's data-access family, a
     * transaction that could not begin ({@link TransactionException}: "Could not open JDBC Connection", not a
     * DataAccessException), jOOQ's own exception (a connection jOOQ could not acquire is not translated) or JDBC.
     */
    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof org.springframework.dao.DataAccessException || t instanceof TransactionException
                    || t instanceof org.jooq.exception.DataAccessException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
