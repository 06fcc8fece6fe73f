package org.tonearm.identity.internal.persistence;

import static org.tonearm.schema.Tables.API_TOKENS;
import static org.tonearm.schema.Tables.USERS;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.tonearm.identity.Role;
import org.tonearm.shared.Database;

/** The {@code api_tokens} table. Scopes are stored space-separated, as in OAuth's {@code scope} parameter. */
@Repository
public class JooqApiTokenRepository {

    private final Database database;

    public JooqApiTokenRepository(Database database) {
        this.database = database;
    }

    public long insert(long userId, String name, String sha256Hex, String md5Hex, List<String> scopes, long now) {
        return database.dsl().insertInto(API_TOKENS)
                .set(API_TOKENS.USER_ID, userId)
                .set(API_TOKENS.NAME, name)
                .set(API_TOKENS.TOKEN_SHA256, sha256Hex)
                .set(API_TOKENS.TOKEN_MD5, md5Hex)
                .set(API_TOKENS.SCOPES, String.join(" ", scopes))
                .set(API_TOKENS.CREATED_AT, now)
                .returning(API_TOKENS.ID)
                .fetchOne(API_TOKENS.ID);
    }

    /** The user's tokens, newest first. */
    public List<ApiTokenRow> listForUser(long userId) {
        return database.dsl().selectFrom(API_TOKENS)
                .where(API_TOKENS.USER_ID.eq(userId))
                .orderBy(API_TOKENS.CREATED_AT.desc(), API_TOKENS.ID.desc())
                .fetch(r -> new ApiTokenRow(r.getId(), r.getUserId(), r.getName(), split(r.getScopes()),
                        r.getCreatedAt(), r.getLastUsedAt()));
    }

    /** Deletes the token only when it belongs to {@code userId}; false when there was no such token of theirs. */
    public boolean delete(long userId, long tokenId) {
        return database.dsl().deleteFrom(API_TOKENS)
                .where(API_TOKENS.ID.eq(tokenId).and(API_TOKENS.USER_ID.eq(userId)))
                .execute() == 1;
    }

    public Optional<ApiTokenOwner> findOwnerBySha256(String sha256Hex) {
        return database.dsl()
                .select(API_TOKENS.ID, API_TOKENS.SCOPES, API_TOKENS.LAST_USED_AT, USERS.ID, USERS.USERNAME, USERS.ROLE,
                        USERS.DISABLED)
                .from(API_TOKENS).join(USERS).on(USERS.ID.eq(API_TOKENS.USER_ID))
                .where(API_TOKENS.TOKEN_SHA256.eq(sha256Hex))
                .fetchOptional()
                .map(JooqApiTokenRepository::toOwner);
    }

    public void touch(long tokenId, long now) {
        database.dsl().update(API_TOKENS).set(API_TOKENS.LAST_USED_AT, now).where(API_TOKENS.ID.eq(tokenId)).execute();
    }

    private static ApiTokenOwner toOwner(Record r) {
        return new ApiTokenOwner(r.get(API_TOKENS.ID), split(r.get(API_TOKENS.SCOPES)), r.get(API_TOKENS.LAST_USED_AT),
                r.get(USERS.ID), r.get(USERS.USERNAME), Role.valueOf(r.get(USERS.ROLE)),
                Boolean.TRUE.equals(r.get(USERS.DISABLED)));
    }

    private static List<String> split(String scopes) {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.trim().split(" +"));
    }
}
