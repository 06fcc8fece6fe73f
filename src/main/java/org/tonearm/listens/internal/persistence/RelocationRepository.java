package org.tonearm.listens.internal.persistence;

import static org.tonearm.schema.Tables.LISTEN_RELOCATIONS;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;
import org.tonearm.shared.DatabaseKind;

/** The pending timezone relocations (changeset 202612062300-listens-relocations), one row per user. */
@Repository
public class RelocationRepository {

    /** A user's listens are stored in {@code stored} and must move to {@code target}. */
    public record Relocation(long userId, ZoneId stored, ZoneId target) {}

    private final Database database;

    public RelocationRepository(Database database) {
        this.database = database;
    }

    /**
     * Records that the user's timezone became {@code target}. A relocation already pending keeps its stored zone (the
     * listens are still there) and gets the newest target. Must run inside {@code Database.write}.
     */
    public void request(long userId, ZoneId previous, ZoneId target, long now) {
        database.dsl().insertInto(LISTEN_RELOCATIONS)
                .set(LISTEN_RELOCATIONS.USER_ID, userId)
                .set(LISTEN_RELOCATIONS.STORED_ZONE, previous.getId())
                .set(LISTEN_RELOCATIONS.TARGET_ZONE, target.getId())
                .set(LISTEN_RELOCATIONS.REQUESTED_AT, now)
                .onConflict(LISTEN_RELOCATIONS.USER_ID).doUpdate()
                .set(LISTEN_RELOCATIONS.TARGET_ZONE, target.getId())
                .set(LISTEN_RELOCATIONS.REQUESTED_AT, now)
                .execute();
    }

    public Optional<Relocation> find(long userId) {
        return database.dsl().select(LISTEN_RELOCATIONS.STORED_ZONE, LISTEN_RELOCATIONS.TARGET_ZONE)
                .from(LISTEN_RELOCATIONS).where(LISTEN_RELOCATIONS.USER_ID.eq(userId))
                .fetchOptional(r -> new Relocation(userId, ZoneId.of(r.value1()), ZoneId.of(r.value2())));
    }

    /** Users with a pending relocation, oldest request first. */
    public List<Long> pending(int limit) {
        return database.dsl().select(LISTEN_RELOCATIONS.USER_ID).from(LISTEN_RELOCATIONS)
                .orderBy(LISTEN_RELOCATIONS.REQUESTED_AT, LISTEN_RELOCATIONS.USER_ID).limit(limit)
                .fetch(LISTEN_RELOCATIONS.USER_ID);
    }

    /**
     * Takes the user's relocation for this transaction: on PostgreSQL the row stays locked until commit and another
     * node skips it ({@code SKIP LOCKED}) instead of waiting; on SQLite the caller already is the only writer. Empty
     * when there is none (done meanwhile) or another node has it. Must run inside {@code Database.write}.
     */
    public Optional<Relocation> take(long userId) {
        var select = database.dsl().select(LISTEN_RELOCATIONS.STORED_ZONE, LISTEN_RELOCATIONS.TARGET_ZONE)
                .from(LISTEN_RELOCATIONS).where(LISTEN_RELOCATIONS.USER_ID.eq(userId));
        var locked = database.kind() == DatabaseKind.POSTGRES ? select.forUpdate().skipLocked() : select;
        return locked.fetchOptional(r -> new Relocation(userId, ZoneId.of(r.value1()), ZoneId.of(r.value2())));
    }

    public void done(long userId) {
        database.dsl().deleteFrom(LISTEN_RELOCATIONS).where(LISTEN_RELOCATIONS.USER_ID.eq(userId)).execute();
    }
}
