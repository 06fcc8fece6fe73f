package org.tonearm.compat.lastfm.internal.persistence;

import static org.tonearm.schema.Tables.LASTFM_SESSIONS;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** {@code lastfm_sessions}: Last.fm session keys and Audioscrobbler session ids, stored as SHA-256 only. */
@Repository
public class JooqProtocolSessionRepository {

    public record SessionRow(long userId, String protocol, Long apiTokenId, List<String> scopes, String client) {}

    private final Database database;

    public JooqProtocolSessionRepository(Database database) {
        this.database = database;
    }

    public void insert(long userId, String keySha256, String protocol, Long apiTokenId, List<String> scopes,
            String client, long now) {
        database.writeVoid(() -> database.dsl().insertInto(LASTFM_SESSIONS)
                .set(LASTFM_SESSIONS.USER_ID, userId)
                .set(LASTFM_SESSIONS.KEY_SHA256, keySha256)
                .set(LASTFM_SESSIONS.PROTOCOL, protocol)
                .set(LASTFM_SESSIONS.API_TOKEN_ID, apiTokenId)
                .set(LASTFM_SESSIONS.SCOPES, String.join(" ", scopes))
                .set(LASTFM_SESSIONS.CLIENT, client)
                .set(LASTFM_SESSIONS.CREATED_AT, now)
                .execute());
    }

    public Optional<SessionRow> find(String keySha256, String protocol) {
        return database.dsl().selectFrom(LASTFM_SESSIONS)
                .where(LASTFM_SESSIONS.KEY_SHA256.eq(keySha256).and(LASTFM_SESSIONS.PROTOCOL.eq(protocol)))
                .fetchOptional(r -> new SessionRow(r.getUserId(), r.getProtocol(), r.getApiTokenId(),
                        r.getScopes().isBlank() ? List.of() : Arrays.asList(r.getScopes().trim().split(" +")),
                        r.getClient()));
    }

    public void delete(String keySha256) {
        database.writeVoid(() -> database.dsl().deleteFrom(LASTFM_SESSIONS)
                .where(LASTFM_SESSIONS.KEY_SHA256.eq(keySha256)).execute());
    }
}
