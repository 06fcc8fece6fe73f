package org.tonearm.listens.internal.persistence;

import static org.tonearm.schema.Tables.LISTENS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record4;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/**
 * Recomputes the stored local day and hour of a user's listens in another timezone (docs/architecture.md: "recomputed
 * when the user changes timezone"), page by page in id order, updating only the rows that moved, in one JDBC batch
 * per page. Callers run it inside {@code Database.write} (the background relocation job,
 * {@code listens.internal.RelocationRunner}).
 */
@Repository
public class LocalTimeRepository {

    private static final int PAGE = 5000;

    private final Database database;

    public LocalTimeRepository(Database database) {
        this.database = database;
    }

    public boolean hasListens(long userId) {
        DSLContext dsl = database.dsl();
        return dsl.fetchExists(dsl.selectOne().from(LISTENS).where(LISTENS.USER_ID.eq(userId)));
    }

    /** Returns how many listens moved to another local day or hour. */
    public int recompute(long userId, ZoneId zone) {
        DSLContext dsl = database.dsl();
        long after = Long.MIN_VALUE;
        int moved = 0;
        while (true) {
            List<Record4<Long, Long, Integer, Short>> page = dsl
                    .select(LISTENS.ID, LISTENS.LISTENED_AT, LISTENS.LOCAL_DAY, LISTENS.LOCAL_HOUR).from(LISTENS)
                    .where(LISTENS.USER_ID.eq(userId), LISTENS.ID.gt(after)).orderBy(LISTENS.ID).limit(PAGE).fetch();
            if (page.isEmpty()) {
                return moved;
            }
            List<Query> updates = new java.util.ArrayList<>();
            for (var r : page) {
                LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(r.value2()), zone);
                int day = (int) local.toLocalDate().toEpochDay();
                short hour = (short) local.getHour();
                if (day != r.value3() || hour != r.value4()) {
                    updates.add(dsl.update(LISTENS).set(LISTENS.LOCAL_DAY, day).set(LISTENS.LOCAL_HOUR, hour)
                            .where(LISTENS.USER_ID.eq(userId), LISTENS.ID.eq(r.value1())));
                }
            }
            if (!updates.isEmpty()) {
                dsl.batch(updates).execute();
                moved += updates.size();
            }
            after = page.get(page.size() - 1).value1();
        }
    }
}
