package org.tonearm.identity.internal.persistence;

import static org.tonearm.schema.Tables.OIDC_LOGIN_STATES;

import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** The {@code oidc_login_states} table: logins started at a provider, keyed by the SHA-256 of their state. */
@Repository
public class JooqOidcLoginStateRepository {

    private final Database database;

    public JooqOidcLoginStateRepository(Database database) {
        this.database = database;
    }

    public void insert(String stateSha256, OidcLoginStateRow row) {
        database.dsl().insertInto(OIDC_LOGIN_STATES)
                .set(OIDC_LOGIN_STATES.STATE_SHA256, stateSha256)
                .set(OIDC_LOGIN_STATES.PROVIDER, row.provider())
                .set(OIDC_LOGIN_STATES.CODE_VERIFIER, row.codeVerifier())
                .set(OIDC_LOGIN_STATES.NONCE, row.nonce())
                .set(OIDC_LOGIN_STATES.REDIRECT_URI, row.redirectUri())
                .set(OIDC_LOGIN_STATES.CREATED_AT, row.createdAt())
                .set(OIDC_LOGIN_STATES.EXPIRES_AT, row.expiresAt())
                .execute();
    }

    /**
     * Removes the row and returns it, or nothing when it is unknown or already taken: the delete decides, so of two
     * concurrent callbacks with one state only one gets the row (single use, on any number of nodes). Call inside
     * {@link Database#write}.
     */
    public Optional<OidcLoginStateRow> take(String stateSha256) {
        Optional<OidcLoginStateRow> row = database.dsl().selectFrom(OIDC_LOGIN_STATES)
                .where(OIDC_LOGIN_STATES.STATE_SHA256.eq(stateSha256))
                .fetchOptional(r -> new OidcLoginStateRow(r.getProvider(), r.getCodeVerifier(), r.getNonce(),
                        r.getRedirectUri(), r.getCreatedAt(), r.getExpiresAt()));
        if (row.isEmpty()) {
            return row;
        }
        int deleted = database.dsl().deleteFrom(OIDC_LOGIN_STATES)
                .where(OIDC_LOGIN_STATES.STATE_SHA256.eq(stateSha256)).execute();
        return deleted == 1 ? row : Optional.empty();
    }

    /** Drops logins that were abandoned at the provider; returns how many. */
    public int deleteExpired(long now) {
        return database.dsl().deleteFrom(OIDC_LOGIN_STATES).where(OIDC_LOGIN_STATES.EXPIRES_AT.le(now)).execute();
    }
}
