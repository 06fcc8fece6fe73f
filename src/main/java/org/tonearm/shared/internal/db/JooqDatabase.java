package org.tonearm.shared.internal.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonearm.shared.Database;
import org.tonearm.shared.DatabaseKind;
import org.tonearm.shared.TonearmException;

@Component
class JooqDatabase implements Database {

    private final DatabaseKind kind;
    private final DSLContext dsl;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;
    /** SQLite's one-writer rule, enforced in the process so writers queue instead of getting SQLITE_BUSY. */
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);
    /** PostgreSQL identity sequences' increments, read once per table. */
    private final Map<String, Integer> increments = new ConcurrentHashMap<>();

    JooqDatabase(DatabaseKind kind, DSLContext dsl, PlatformTransactionManager transactions) {
        this.kind = kind;
        this.dsl = dsl;
        this.writeTx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @Override
    public DatabaseKind kind() {
        return kind;
    }

    @Override
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        if (kind != DatabaseKind.SQLITE) {
            return writeTx.execute(status -> work.get());
        }
        if (TransactionSynchronizationManager.isActualTransactionActive() && !sqliteWriter.isHeldByCurrentThread()) {
            // a write nested in a read transaction would upgrade a deferred SQLite transaction: refuse loudly
            throw new IllegalStateException("write() called inside a read transaction");
        }
        sqliteWriter.lock();
        try {
            return writeTx.execute(status -> work.get());
        } finally {
            sqliteWriter.unlock();
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return readTx.execute(status -> work.get());
    }

    @Override
    public long[] allocateIds(Table<?> table, int count) {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        if (kind == DatabaseKind.SQLITE) {
            // the writer lock is held, so max(id) cannot move under us
            Long max = dsl.select(DSL.max(DSL.field(DSL.name("id"), Long.class))).from(table).fetchOne(0, Long.class);
            long next = max == null ? 1 : max + 1;
            for (int i = 0; i < count; i++) {
                ids[i] = next + i;
            }
            return ids;
        }
        // one nextval per block: a sequence with INCREMENT BY n hands out n ids at a time (listens: 1,000)
        int step = increments.computeIfAbsent(table.getName(), this::sequenceIncrement);
        int blocks = (count + step - 1) / step;
        var sequence = DSL.field("nextval(pg_get_serial_sequence({0}, 'id'))", Long.class, DSL.inline(table.getName()));
        var starts = dsl.select(sequence).from(DSL.generateSeries(1, blocks)).fetch(0, Long.class);
        for (int i = 0; i < count; i++) {
            ids[i] = starts.get(i / step) + i % step;
        }
        return ids;
    }

    private int sequenceIncrement(String table) {
        Long increment = dsl.resultQuery("select seqincrement from pg_sequence where seqrelid = "
                + "pg_get_serial_sequence({0}, 'id')::regclass", DSL.inline(table)).fetchOne(0, Long.class);
        if (increment == null || increment < 1 || increment > 1_000_000) {
            throw new IllegalStateException("no usable identity sequence for " + table + ": " + increment);
        }
        return increment.intValue();
    }

    @Override
    public void lockUser(long userId) {
        if (kind == DatabaseKind.POSTGRES) {
            // the row lock is what the listens -> users foreign key took for every row (changeset
            // 202611282200-listens-user-reference): here once per user and transaction
            int found = dsl.fetch("select pg_advisory_xact_lock(id) from users where id = {0} for key share",
                    DSL.val(userId)).size();
            if (found == 0) {
                throw TonearmException.notFound("user " + userId);
            }
        }
    }
}
