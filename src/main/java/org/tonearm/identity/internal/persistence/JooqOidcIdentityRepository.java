package org.tonearm.identity.internal.persistence;

import static org.tonearm.schema.Tables.OIDC_IDENTITIES;

import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** The {@code oidc_identities} table: which account a (provider, subject) pair logs into. */
@Repository
public class JooqOidcIdentityRepository {

    private final Database database;

    public JooqOidcIdentityRepository(Database database) {
        this.database = database;
    }

    public Optional<OidcIdentityRow> find(String provider, String subject) {
        return database.dsl().selectFrom(OIDC_IDENTITIES)
                .where(OIDC_IDENTITIES.PROVIDER.eq(provider).and(OIDC_IDENTITIES.SUBJECT.eq(subject)))
                .fetchOptional(r -> new OidcIdentityRow(r.getId(), r.getUserId(), r.getProvider(), r.getSubject(),
                        r.getEmail()));
    }

    public void insert(long userId, String provider, String subject, String email, long now) {
        database.dsl().insertInto(OIDC_IDENTITIES)
                .set(OIDC_IDENTITIES.USER_ID, userId)
                .set(OIDC_IDENTITIES.PROVIDER, provider)
                .set(OIDC_IDENTITIES.SUBJECT, subject)
                .set(OIDC_IDENTITIES.EMAIL, email)
                .set(OIDC_IDENTITIES.CREATED_AT, now)
                .set(OIDC_IDENTITIES.LAST_LOGIN_AT, now)
                .execute();
    }

    public void recordLogin(long id, String email, long now) {
        database.dsl().update(OIDC_IDENTITIES)
                .set(OIDC_IDENTITIES.EMAIL, email)
                .set(OIDC_IDENTITIES.LAST_LOGIN_AT, now)
                .where(OIDC_IDENTITIES.ID.eq(id))
                .execute();
    }
}
