package org.tonearm.shared;

import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The one access point to the database for every module's persistence code.
 *
 * <p>SQLite allows one writer at a time. Every write transaction therefore goes through {@link #write},
 * which on SQLite first takes a process-wide lock (reads never wait for it: WAL mode), so a user never
 * sees {@code SQLITE_BUSY}. On PostgreSQL {@link #write} is a plain transaction.
 */
public interface Database {

    DatabaseKind kind();

    /** The jOOQ context; inside {@link #write} or {@link #read} it joins the current transaction. */
    DSLContext dsl();

    /** Runs {@code work} in a write transaction (serialized on SQLite). Re-entrant. */
    <T> T write(Supplier<T> work);

    default void writeVoid(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in a read-only transaction, for reads that must see one consistent snapshot. */
    <T> T read(Supplier<T> work);

    /**
     * Reserves {@code count} consecutive-or-not ids for {@code table}'s identity column, for batched
     * inserts that need the ids up front. Must be called inside {@link #write}.
     */
    long[] allocateIds(org.jooq.Table<?> table, int count);

    /**
     * Serializes writers of one user's listens across nodes and holds the user until commit: on PostgreSQL an
     * advisory transaction lock plus the user's row {@code FOR KEY SHARE} (account deletion waits for the
     * transaction; a user already gone fails here with NOT_FOUND), on SQLite the single writer lock (and the
     * listens foreign key fails the insert of a user already gone). Must be called inside {@link #write}.
     */
    void lockUser(long userId);
}
