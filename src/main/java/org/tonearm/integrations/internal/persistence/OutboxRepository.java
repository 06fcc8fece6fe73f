package org.tonearm.integrations.internal.persistence;

import static org.tonearm.schema.Tables.INTEGRATION_OUTBOX;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/**
 * The mirror outbox (changeset 202612070320-integrations-outbox): rows pending, in flight (sending) or ignored by the
 * service. Enqueue runs inside the funnel's write transaction; the sender's claims and acknowledgements are short
 * write transactions of their own.
 */
@Repository
public class OutboxRepository {

    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String IGNORED = "ignored";

    /** One row to send: the listen and its instant (the sender reads the listens by time range). */
    public record Entry(long id, long userId, String service, long listenId, long listenedAt, int attempts) {}

    /** A user's outbox towards one service as the connection status shows it. */
    public record Summary(int pending, int ignored, String lastError) {}

    public record Group(long userId, String service) {}

    private final Database database;

    public OutboxRepository(Database database) {
        this.database = database;
    }

    /** Queues the listens for the service, each at most once (a listen already queued is left alone). In a write. */
    public void enqueue(long userId, String service, Collection<long[]> listens, long now) {
        List<long[]> all = List.copyOf(listens);
        // 1,000 rows (8,000 parameters) per statement: under SQLite's and PostgreSQL's bound-parameter limits
        for (int from = 0; from < all.size(); from += 1000) {
            insertChunk(userId, service, all.subList(from, Math.min(all.size(), from + 1000)), now);
        }
    }

    private void insertChunk(long userId, String service, List<long[]> listens, long now) {
        var insert = database.dsl().insertInto(INTEGRATION_OUTBOX, INTEGRATION_OUTBOX.USER_ID,
                INTEGRATION_OUTBOX.SERVICE, INTEGRATION_OUTBOX.LISTEN_ID, INTEGRATION_OUTBOX.LISTENED_AT,
                INTEGRATION_OUTBOX.STATE, INTEGRATION_OUTBOX.ATTEMPTS, INTEGRATION_OUTBOX.NEXT_ATTEMPT_AT,
                INTEGRATION_OUTBOX.CREATED_AT);
        for (long[] l : listens) {
            insert = insert.values(userId, service, l[0], l[1], PENDING, 0, now, now);
        }
        insert.onConflictDoNothing().execute();
    }

    /** Users and services with rows due now, oldest due first. */
    public List<Group> dueGroups(long now, int limit) {
        return database.dsl().selectDistinct(INTEGRATION_OUTBOX.USER_ID, INTEGRATION_OUTBOX.SERVICE)
                .from(INTEGRATION_OUTBOX)
                .where(INTEGRATION_OUTBOX.STATE.eq(PENDING)).and(INTEGRATION_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .limit(limit).fetch(r -> new Group(r.value1(), r.value2()));
    }

    /**
     * Takes up to {@code limit} due rows of the group for this sender: marks them {@code sending} with a fresh claim
     * token in one conditional update, so of several nodes each row goes to one, then reads back what it got.
     */
    public List<Entry> claim(Group group, long now, int limit) {
        return database.write(() -> {
            List<Long> due = database.dsl().select(INTEGRATION_OUTBOX.ID).from(INTEGRATION_OUTBOX)
                    .where(INTEGRATION_OUTBOX.USER_ID.eq(group.userId()))
                    .and(INTEGRATION_OUTBOX.SERVICE.eq(group.service()))
                    .and(INTEGRATION_OUTBOX.STATE.eq(PENDING)).and(INTEGRATION_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                    .orderBy(INTEGRATION_OUTBOX.ID).limit(limit).fetch(INTEGRATION_OUTBOX.ID);
            if (due.isEmpty()) {
                return List.of();
            }
            String claim = UUID.randomUUID().toString();
            database.dsl().update(INTEGRATION_OUTBOX).set(INTEGRATION_OUTBOX.STATE, SENDING)
                    .set(INTEGRATION_OUTBOX.CLAIM, claim).set(INTEGRATION_OUTBOX.CLAIMED_AT, now)
                    .where(INTEGRATION_OUTBOX.ID.in(due)).and(INTEGRATION_OUTBOX.STATE.eq(PENDING)).execute();
            return entries(INTEGRATION_OUTBOX.CLAIM.eq(claim));
        });
    }

    /**
     * Rows some sender took before {@code staleBefore} and never acknowledged nor released: it crashed between send
     * and acknowledge (or before sending). Re-claimed here for this sender, oldest first.
     */
    public List<Entry> claimStale(long staleBefore, long now, int limit) {
        return database.write(() -> {
            List<Long> stale = database.dsl().select(INTEGRATION_OUTBOX.ID).from(INTEGRATION_OUTBOX)
                    .where(INTEGRATION_OUTBOX.STATE.eq(SENDING)).and(INTEGRATION_OUTBOX.CLAIMED_AT.lt(staleBefore))
                    .orderBy(INTEGRATION_OUTBOX.ID).limit(limit).fetch(INTEGRATION_OUTBOX.ID);
            if (stale.isEmpty()) {
                return List.of();
            }
            String claim = UUID.randomUUID().toString();
            database.dsl().update(INTEGRATION_OUTBOX).set(INTEGRATION_OUTBOX.CLAIM, claim)
                    .set(INTEGRATION_OUTBOX.CLAIMED_AT, now)
                    .where(INTEGRATION_OUTBOX.ID.in(stale)).and(INTEGRATION_OUTBOX.STATE.eq(SENDING))
                    .and(INTEGRATION_OUTBOX.CLAIMED_AT.lt(staleBefore)).execute();
            return entries(INTEGRATION_OUTBOX.CLAIM.eq(claim));
        });
    }

    private List<Entry> entries(org.jooq.Condition where) {
        return database.dsl().select(INTEGRATION_OUTBOX.ID, INTEGRATION_OUTBOX.USER_ID, INTEGRATION_OUTBOX.SERVICE,
                        INTEGRATION_OUTBOX.LISTEN_ID, INTEGRATION_OUTBOX.LISTENED_AT, INTEGRATION_OUTBOX.ATTEMPTS)
                .from(INTEGRATION_OUTBOX).where(where).orderBy(INTEGRATION_OUTBOX.ID)
                .fetch(r -> new Entry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The service acknowledged these rows (or they need no sending): gone. */
    public void done(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            database.writeVoid(() -> database.dsl().deleteFrom(INTEGRATION_OUTBOX)
                    .where(INTEGRATION_OUTBOX.ID.in(ids)).execute());
        }
    }

    /** Back to pending after a failed attempt: tried again at {@code nextAttemptAt}. */
    public void retryLater(Collection<Long> ids, String error, long nextAttemptAt) {
        if (!ids.isEmpty()) {
            database.writeVoid(() -> database.dsl().update(INTEGRATION_OUTBOX).set(INTEGRATION_OUTBOX.STATE, PENDING)
                    .set(INTEGRATION_OUTBOX.ATTEMPTS, INTEGRATION_OUTBOX.ATTEMPTS.plus(1))
                    .set(INTEGRATION_OUTBOX.NEXT_ATTEMPT_AT, nextAttemptAt)
                    .set(INTEGRATION_OUTBOX.LAST_ERROR, truncate(error))
                    .setNull(INTEGRATION_OUTBOX.CLAIM).setNull(INTEGRATION_OUTBOX.CLAIMED_AT)
                    .where(INTEGRATION_OUTBOX.ID.in(ids)).execute());
        }
    }

    /** The service refused this one listen for good (Last.fm ignoredMessage): kept so the user sees it. */
    public void ignored(long id, String reason) {
        database.writeVoid(() -> database.dsl().update(INTEGRATION_OUTBOX).set(INTEGRATION_OUTBOX.STATE, IGNORED)
                .set(INTEGRATION_OUTBOX.LAST_ERROR, truncate(reason))
                .setNull(INTEGRATION_OUTBOX.CLAIM).setNull(INTEGRATION_OUTBOX.CLAIMED_AT)
                .where(INTEGRATION_OUTBOX.ID.eq(id)).execute());
    }

    /** Drops what is still to send of a user towards a service (mirroring switched off, disconnected). */
    public void discard(long userId, String service) {
        database.writeVoid(() -> database.dsl().deleteFrom(INTEGRATION_OUTBOX)
                .where(INTEGRATION_OUTBOX.USER_ID.eq(userId)).and(INTEGRATION_OUTBOX.SERVICE.eq(service)).execute());
    }

    public Summary summary(long userId, String service) {
        var rows = INTEGRATION_OUTBOX;
        var r = database.dsl().select(
                        DSL.count().filterWhere(rows.STATE.ne(IGNORED)),
                        DSL.count().filterWhere(rows.STATE.eq(IGNORED)))
                .from(rows).where(rows.USER_ID.eq(userId)).and(rows.SERVICE.eq(service)).fetchOne();
        String lastError = database.dsl().select(rows.LAST_ERROR).from(rows)
                .where(rows.USER_ID.eq(userId)).and(rows.SERVICE.eq(service)).and(rows.LAST_ERROR.isNotNull())
                .orderBy(rows.ID.desc()).limit(1).fetchOptional(rows.LAST_ERROR).orElse(null);
        return new Summary(r == null ? 0 : r.value1(), r == null ? 0 : r.value2(), lastError);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
