package org.tonearm.compat.lastfm.internal.persistence;

import static org.tonearm.schema.Tables.LASTFM_APPS;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** {@code lastfm_apps}: api_key/secret pairs registered by users, whose signatures are verified. */
@Repository
public class JooqLastfmAppRepository {

    public record AppRow(long id, long userId, String name, String apiKey, String secret, long createdAt) {}

    private final Database database;

    public JooqLastfmAppRepository(Database database) {
        this.database = database;
    }

    public AppRow insert(long userId, String name, String apiKey, String secret, long now) {
        long id = database.write(() -> database.dsl().insertInto(LASTFM_APPS)
                .set(LASTFM_APPS.USER_ID, userId).set(LASTFM_APPS.NAME, name).set(LASTFM_APPS.API_KEY, apiKey)
                .set(LASTFM_APPS.SECRET, secret).set(LASTFM_APPS.CREATED_AT, now)
                .returning(LASTFM_APPS.ID).fetchOne(LASTFM_APPS.ID));
        return new AppRow(id, userId, name, apiKey, secret, now);
    }

    public Optional<AppRow> findByApiKey(String apiKey) {
        return database.dsl().selectFrom(LASTFM_APPS).where(LASTFM_APPS.API_KEY.eq(apiKey))
                .fetchOptional(r -> new AppRow(r.getId(), r.getUserId(), r.getName(), r.getApiKey().trim(),
                        r.getSecret().trim(), r.getCreatedAt()));
    }

    public List<AppRow> listForUser(long userId) {
        return database.dsl().selectFrom(LASTFM_APPS).where(LASTFM_APPS.USER_ID.eq(userId))
                .orderBy(LASTFM_APPS.ID.desc())
                .fetch(r -> new AppRow(r.getId(), r.getUserId(), r.getName(), r.getApiKey().trim(),
                        r.getSecret().trim(), r.getCreatedAt()));
    }
}
