package org.tonearm.listens.internal.persistence;

import static org.tonearm.schema.Tables.LISTENS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.tonearm.listens.Classification;
import org.tonearm.listens.ListensChanged.Fact;
import org.tonearm.shared.Database;

/** Reads the {@link Fact}s of stored listens, before and after an edit, for {@code ListensChanged}. */
@Repository
public class ListenFactsRepository {

    private static final int CHUNK = 5000;

    private final Database database;

    public ListenFactsRepository(Database database) {
        this.database = database;
    }

    public List<Fact> byIds(long userId, Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<Fact> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.addAll(where(userId, LISTENS.ID.in(all.subList(i, Math.min(all.size(), i + CHUNK)))));
        }
        return out;
    }

    /** The listens with {@code fromMs <= listened_at < toMs}. */
    public List<Fact> inRange(long userId, long fromMs, long toMs) {
        return where(userId, LISTENS.LISTENED_AT.ge(fromMs).and(LISTENS.LISTENED_AT.lt(toMs)));
    }

    private List<Fact> where(long userId, Condition condition) {
        return database.dsl().select(LISTENS.ID, LISTENS.LOCAL_DAY, LISTENS.LOCAL_HOUR, LISTENS.TRACK_ID,
                        LISTENS.ALBUM_ID, LISTENS.CLASSIFICATION, LISTENS.WEIGHT, LISTENS.DURATION_PLAYED_MS,
                        LISTENS.TRACK_LENGTH_MS, LISTENS.LISTENED_AT)
                .from(LISTENS).where(LISTENS.USER_ID.eq(userId), condition)
                .fetch(ListenFactsRepository::fact);
    }

    private static Fact fact(Record r) {
        return new Fact(r.get(LISTENS.ID), r.get(LISTENS.LOCAL_DAY), r.get(LISTENS.LOCAL_HOUR), r.get(LISTENS.TRACK_ID),
                r.get(LISTENS.ALBUM_ID), Classification.SKIP.name().equals(r.get(LISTENS.CLASSIFICATION)),
                r.get(LISTENS.WEIGHT), r.get(LISTENS.DURATION_PLAYED_MS), r.get(LISTENS.TRACK_LENGTH_MS),
                r.get(LISTENS.LISTENED_AT));
    }
}
