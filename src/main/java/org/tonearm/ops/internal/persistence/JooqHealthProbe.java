package org.tonearm.ops.internal.persistence;

import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** The few queries the health checks run. Reads only; never inside a write transaction. */
@Repository
public class JooqHealthProbe {

    /** A probe must answer quickly or fail: a hung database is reported DOWN, not waited for. */
    private static final int TIMEOUT_SECONDS = 5;

    private final Database database;

    public JooqHealthProbe(Database database) {
        this.database = database;
    }

    /** Runs {@code select 1} and returns how long the round trip took, in nanoseconds. */
    public long selectOneNanos() {
        long start = System.nanoTime();
        Integer one = database.dsl().selectOne().queryTimeout(TIMEOUT_SECONDS).fetchOne(0, Integer.class);
        long elapsed = System.nanoTime() - start;
        if (one == null || one != 1) {
            throw new IllegalStateException("select 1 answered " + one);
        }
        return elapsed;
    }

    /**
     * Changesets Liquibase recorded as applied. Unquoted, the name resolves on both databases
     * (SQLite ignores case; PostgreSQL folds to the lower-case table Liquibase creates there).
     */
    public int appliedChangesets() {
        Integer count = database.dsl().selectCount().from(DSL.table(DSL.unquotedName("databasechangelog")))
                .queryTimeout(TIMEOUT_SECONDS).fetchOne(0, Integer.class);
        return count == null ? 0 : count;
    }
}
