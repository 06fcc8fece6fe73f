package org.tonearm.compat.lastfm.internal.persistence;

import static org.tonearm.schema.Tables.LASTFM_AUTH_TOKENS;

import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** {@code lastfm_auth_tokens}: auth.getToken request tokens (SHA-256 only) awaiting browser approval. */
@Repository
public class JooqLastfmAuthTokenRepository {

    public record AuthTokenRow(long id, Long userId, String apiKey, long createdAt, Long approvedAt) {}

    private final Database database;

    public JooqLastfmAuthTokenRepository(Database database) {
        this.database = database;
    }

    public void insert(String tokenSha256, String apiKey, long now) {
        database.writeVoid(() -> database.dsl().insertInto(LASTFM_AUTH_TOKENS)
                .set(LASTFM_AUTH_TOKENS.TOKEN_SHA256, tokenSha256).set(LASTFM_AUTH_TOKENS.API_KEY, apiKey)
                .set(LASTFM_AUTH_TOKENS.CREATED_AT, now).execute());
    }

    public Optional<AuthTokenRow> find(String tokenSha256) {
        return database.dsl().selectFrom(LASTFM_AUTH_TOKENS).where(LASTFM_AUTH_TOKENS.TOKEN_SHA256.eq(tokenSha256))
                .fetchOptional(r -> new AuthTokenRow(r.getId(), r.getUserId(), r.getApiKey(), r.getCreatedAt(),
                        r.getApprovedAt()));
    }

    /** Approves a still unapproved token for {@code userId}; false when it was already approved or is gone. */
    public boolean approve(long id, long userId, long now) {
        return database.write(() -> database.dsl().update(LASTFM_AUTH_TOKENS)
                .set(LASTFM_AUTH_TOKENS.USER_ID, userId).set(LASTFM_AUTH_TOKENS.APPROVED_AT, now)
                .where(LASTFM_AUTH_TOKENS.ID.eq(id).and(LASTFM_AUTH_TOKENS.APPROVED_AT.isNull()))
                .execute() == 1);
    }

    /** Consumes the token: true for exactly one caller, so a token yields one session. */
    public boolean delete(long id) {
        return database.write(() -> database.dsl().deleteFrom(LASTFM_AUTH_TOKENS)
                .where(LASTFM_AUTH_TOKENS.ID.eq(id)).execute() == 1);
    }

    public void deleteCreatedBefore(long cutoff) {
        database.writeVoid(() -> database.dsl().deleteFrom(LASTFM_AUTH_TOKENS)
                .where(LASTFM_AUTH_TOKENS.CREATED_AT.lt(cutoff)).execute());
    }
}
