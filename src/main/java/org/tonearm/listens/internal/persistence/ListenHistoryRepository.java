package org.tonearm.listens.internal.persistence;

import static org.tonearm.schema.Tables.LISTENS;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.tonearm.schema.tables.records.ListensRecord;
import org.tonearm.shared.Database;

/**
 * Time-window reads (newest or oldest first) and the span of a user's listens for {@code ListenHistory}. Every statement is scoped by
 * {@code user_id} and walks ix_listens_user_time (user_id, listened_at, id).
 */
@Repository
public class ListenHistoryRepository {

    private final Database database;

    public ListenHistoryRepository(Database database) {
        this.database = database;
    }

    /** Rows with fromMs <= listened_at < toMs, newest first (or oldest first when {@code oldestFirst}). */
    public List<ListensRecord> window(long userId, Long fromMs, Long toMs, int limit, boolean oldestFirst) {
        if (limit <= 0) {
            return List.of();
        }
        List<Condition> where = new ArrayList<>();
        where.add(LISTENS.USER_ID.eq(userId));
        if (fromMs != null) {
            where.add(LISTENS.LISTENED_AT.ge(fromMs));
        }
        if (toMs != null) {
            where.add(LISTENS.LISTENED_AT.lt(toMs));
        }
        return database.dsl().selectFrom(LISTENS)
                .where(where)
                .orderBy(oldestFirst ? LISTENS.LISTENED_AT.asc() : LISTENS.LISTENED_AT.desc(),
                        oldestFirst ? LISTENS.ID.asc() : LISTENS.ID.desc())
                .limit(limit)
                .fetch();
    }

    /** count, min and max of listened_at in one index-only aggregate. */
    public Record span(long userId) {
        return database.dsl()
                .select(DSL.count(), DSL.min(LISTENS.LISTENED_AT), DSL.max(LISTENS.LISTENED_AT))
                .from(LISTENS)
                .where(LISTENS.USER_ID.eq(userId))
                .fetchOne();
    }
}
