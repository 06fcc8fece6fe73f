package org.tonearm.identity.internal.persistence;

import static org.tonearm.schema.Tables.API_TOKENS;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/**
 * The md5 side of {@code api_tokens}, for the legacy Last.fm/Audioscrobbler schemes that can only be checked
 * against md5(token): a user has few tokens, so all of theirs are read and each digest is tried.
 */
@Repository
public class JooqLegacyTokenRepository {

    /** One API token's md5 digest with its id and scopes. */
    public record TokenDigest(long tokenId, String md5Hex, List<String> scopes) {}

    private final Database database;

    public JooqLegacyTokenRepository(Database database) {
        this.database = database;
    }

    public List<TokenDigest> digestsOfUser(long userId) {
        return database.dsl().select(API_TOKENS.ID, API_TOKENS.TOKEN_MD5, API_TOKENS.SCOPES)
                .from(API_TOKENS)
                .where(API_TOKENS.USER_ID.eq(userId))
                .fetch(r -> new TokenDigest(r.get(API_TOKENS.ID), r.get(API_TOKENS.TOKEN_MD5).trim(),
                        split(r.get(API_TOKENS.SCOPES))));
    }

    public boolean exists(long userId, long tokenId) {
        return database.dsl().fetchExists(API_TOKENS, API_TOKENS.ID.eq(tokenId).and(API_TOKENS.USER_ID.eq(userId)));
    }

    private static List<String> split(String scopes) {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.trim().split(" +"));
    }
}
