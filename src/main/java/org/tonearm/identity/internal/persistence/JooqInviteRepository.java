package org.tonearm.identity.internal.persistence;

import static org.tonearm.schema.Tables.INVITES;

import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** The {@code invites} table. */
@Repository
public class JooqInviteRepository {

    private final Database database;

    public JooqInviteRepository(Database database) {
        this.database = database;
    }

    public long insert(String codeSha256, String note, long createdBy, long now, long expiresAt) {
        return database.dsl().insertInto(INVITES)
                .set(INVITES.CODE_SHA256, codeSha256)
                .set(INVITES.NOTE, note)
                .set(INVITES.CREATED_BY, createdBy)
                .set(INVITES.CREATED_AT, now)
                .set(INVITES.EXPIRES_AT, expiresAt)
                .returning(INVITES.ID)
                .fetchOne(INVITES.ID);
    }

    public List<InviteRow> listAll() {
        return database.dsl().selectFrom(INVITES).orderBy(INVITES.CREATED_AT.desc(), INVITES.ID.desc())
                .fetch(JooqInviteRepository::toRow);
    }

    /**
     * Marks an unused, unexpired invite as used by {@code userId}: a conditional update, so one code can never
     * admit two accounts even when two sign-ups race. Empty when the code is unknown, used or expired.
     */
    public boolean redeem(String codeSha256, long userId, long now) {
        return database.dsl().update(INVITES)
                .set(INVITES.USED_BY, userId)
                .set(INVITES.USED_AT, now)
                .where(INVITES.CODE_SHA256.eq(codeSha256)
                        .and(INVITES.USED_AT.isNull())
                        .and(INVITES.EXPIRES_AT.gt(now)))
                .execute() == 1;
    }

    public Optional<InviteRow> findUsable(String codeSha256, long now) {
        return database.dsl().selectFrom(INVITES)
                .where(INVITES.CODE_SHA256.eq(codeSha256).and(INVITES.USED_AT.isNull()).and(INVITES.EXPIRES_AT.gt(now)))
                .fetchOptional(JooqInviteRepository::toRow);
    }

    public boolean delete(long id) {
        return database.dsl().deleteFrom(INVITES).where(INVITES.ID.eq(id)).execute() == 1;
    }

    private static InviteRow toRow(Record r) {
        return new InviteRow(r.get(INVITES.ID), r.get(INVITES.NOTE), r.get(INVITES.CREATED_BY), r.get(INVITES.CREATED_AT),
                r.get(INVITES.EXPIRES_AT), r.get(INVITES.USED_BY), r.get(INVITES.USED_AT));
    }
}
