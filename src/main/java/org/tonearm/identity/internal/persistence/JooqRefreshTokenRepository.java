package org.tonearm.identity.internal.persistence;

import static org.tonearm.schema.Tables.REFRESH_TOKENS;

import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** The {@code refresh_tokens} table: only SHA-256 hashes of the tokens are stored (docs/api.md#accounts-and-authentication). */
@Repository
public class JooqRefreshTokenRepository {

    private final Database database;

    public JooqRefreshTokenRepository(Database database) {
        this.database = database;
    }

    public void insert(long userId, String sha256Hex, String familyId, long now, long expiresAt) {
        database.dsl().insertInto(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.USER_ID, userId)
                .set(REFRESH_TOKENS.TOKEN_SHA256, sha256Hex)
                .set(REFRESH_TOKENS.FAMILY_ID, familyId)
                .set(REFRESH_TOKENS.CREATED_AT, now)
                .set(REFRESH_TOKENS.EXPIRES_AT, expiresAt)
                .execute();
    }

    public Optional<RefreshTokenRow> findBySha256(String sha256Hex) {
        return database.dsl().selectFrom(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.TOKEN_SHA256.eq(sha256Hex))
                .fetchOptional(r -> new RefreshTokenRow(r.getId(), r.getUserId(), r.getFamilyId(), r.getExpiresAt(),
                        r.getRotatedAt(), r.getRevokedAt()));
    }

    /**
     * Marks the token rotated unless something else already did: a conditional update, so two concurrent uses of
     * one token cannot both succeed (the loser is treated as reuse).
     */
    public boolean markRotated(long id, long now) {
        return database.dsl().update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.ROTATED_AT, now)
                .where(REFRESH_TOKENS.ID.eq(id)
                        .and(REFRESH_TOKENS.ROTATED_AT.isNull())
                        .and(REFRESH_TOKENS.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    public void revokeFamily(long userId, String familyId, long now) {
        database.dsl().update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED_AT, now)
                .where(REFRESH_TOKENS.USER_ID.eq(userId)
                        .and(REFRESH_TOKENS.FAMILY_ID.eq(familyId))
                        .and(REFRESH_TOKENS.REVOKED_AT.isNull()))
                .execute();
    }

    public void revokeAllOfUser(long userId, long now) {
        database.dsl().update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED_AT, now)
                .where(REFRESH_TOKENS.USER_ID.eq(userId).and(REFRESH_TOKENS.REVOKED_AT.isNull()))
                .execute();
    }
}
