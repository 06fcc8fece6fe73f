package org.tonearm.listens.internal.persistence;

import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;

import java.util.List;
import org.jooq.Condition;
import org.springframework.stereotype.Repository;
import org.tonearm.listens.Classifier;
import org.tonearm.shared.Database;

/**
 * User corrections and deletions of stored listens (docs/api.md#listens "users can correct a listen's metadata",
 * "delete one, delete a time range"). Inserts belong to the ingestion funnel. Every statement is scoped by
 * {@code user_id}; callers run these inside {@code Database.write}.
 */
@Repository
public class ListenEditRepository {

    private final Database database;

    public ListenEditRepository(Database database) {
        this.database = database;
    }

    /**
     * Points the listen at corrected catalog entries with its re-computed classification; returns whether a
     * row of this user changed.
     */
    public boolean updateMetadata(long userId, long id, long trackId, Long albumId, Long trackLengthMs,
            Classifier.Verdict verdict, long nowMs) {
        return database.dsl().update(LISTENS)
                .set(LISTENS.TRACK_ID, trackId)
                .set(LISTENS.ALBUM_ID, albumId)
                .set(LISTENS.TRACK_LENGTH_MS, trackLengthMs)
                .set(LISTENS.CLASSIFICATION, verdict.classification().name())
                .set(LISTENS.WEIGHT, verdict.weight())
                .set(LISTENS.UPDATED_AT, nowMs)
                .where(LISTENS.USER_ID.eq(userId), LISTENS.ID.eq(id))
                .execute() == 1;
    }

    public boolean delete(long userId, long id) {
        return deleteWhere(userId, LISTENS.ID.eq(id)).size() == 1;
    }

    /** Deletes the user's listens with {@code fromMs <= listened_at < toMs}; returns their ids. */
    public List<Long> deleteRange(long userId, long fromMs, long toMs) {
        return deleteWhere(userId, LISTENS.LISTENED_AT.ge(fromMs).and(LISTENS.LISTENED_AT.lt(toMs)));
    }

    private List<Long> deleteWhere(long userId, Condition condition) {
        var dsl = database.dsl();
        List<Long> ids = dsl.select(LISTENS.ID).from(LISTENS)
                .where(LISTENS.USER_ID.eq(userId), condition)
                .fetch(LISTENS.ID);
        if (ids.isEmpty()) {
            return ids;
        }
        // the absorbed duplicates go with their listen; explicit so it does not rely on the SQLite
        // connection's foreign_keys pragma for the cascade
        for (List<Long> chunk : chunks(ids)) {
            dsl.deleteFrom(LISTEN_SOURCES)
                    .where(LISTEN_SOURCES.USER_ID.eq(userId), LISTEN_SOURCES.LISTEN_ID.in(chunk)).execute();
            dsl.deleteFrom(LISTENS).where(LISTENS.USER_ID.eq(userId), LISTENS.ID.in(chunk)).execute();
        }
        return ids;
    }

    /** SQLite limits bind variables per statement (32766 in current builds); stay well below. */
    private static List<List<Long>> chunks(List<Long> ids) {
        int size = 5000;
        return java.util.stream.IntStream.range(0, (ids.size() + size - 1) / size)
                .mapToObj(i -> ids.subList(i * size, Math.min(ids.size(), (i + 1) * size)))
                .toList();
    }
}
