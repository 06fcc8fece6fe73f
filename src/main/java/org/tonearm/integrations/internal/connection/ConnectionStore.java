package org.tonearm.integrations.internal.connection;

import static org.tonearm.schema.Tables.INTEGRATION_CONNECTIONS;
import static org.tonearm.schema.Tables.INTEGRATION_OAUTH_STATES;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.tonearm.schema.tables.records.IntegrationConnectionsRecord;
import org.tonearm.shared.Database;
import org.tonearm.shared.DatabaseKind;

/**
 * The {@code integration_connections} and {@code integration_oauth_states} tables (changeset
 * 202612070310-integrations-connections). Secrets go in and come out as plaintext here and are sealed with
 * {@link TokenCipher} on the way to the table, so no other class handles ciphertext.
 */
@Repository
public class ConnectionStore {

    /** An OAuth authorization in flight, as the callback takes it. */
    public record PendingAuthorization(long userId, String service, String verifier, String redirectUri,
            String returnTo, long expiresAt, String browserBindingHash) {}

    private static final int MAX_ERROR = 1000;

    private final Database database;
    private final TokenCipher cipher;

    public ConnectionStore(Database database, TokenCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    public Optional<Connection> find(long userId, String service) {
        return database.dsl().selectFrom(INTEGRATION_CONNECTIONS)
                .where(INTEGRATION_CONNECTIONS.USER_ID.eq(userId), INTEGRATION_CONNECTIONS.SERVICE.eq(service))
                .fetchOptional(ConnectionStore::map);
    }

    public Optional<Connection> find(long id) {
        return database.dsl().selectFrom(INTEGRATION_CONNECTIONS).where(INTEGRATION_CONNECTIONS.ID.eq(id))
                .fetchOptional(ConnectionStore::map);
    }

    /** The user's connections, by service name. */
    public List<Connection> list(long userId) {
        return database.dsl().selectFrom(INTEGRATION_CONNECTIONS).where(INTEGRATION_CONNECTIONS.USER_ID.eq(userId))
                .orderBy(INTEGRATION_CONNECTIONS.SERVICE).fetch(ConnectionStore::map);
    }

    /** The connection's secrets in plaintext (null when none are stored). */
    public String credentials(Connection connection) {
        return cipher.decrypt(connection.credentials());
    }

    /**
     * Creates the user's connection to the service or, when one exists (also a disconnected one), connects it again:
     * active, due now, errors cleared. The cursor and backfill progress are kept when the account at the service is
     * the same one (a re-authorization continues where it stopped), else replaced by the given ones.
     */
    public Connection connect(long userId, String service, String externalUser, String credentials, boolean pull,
            boolean mirror, String cursor, String backfill, long now) {
        return database.write(() -> {
            Optional<Connection> existing = find(userId, service);
            String sealed = cipher.encrypt(credentials);
            if (existing.isEmpty()) {
                long id = database.dsl().insertInto(INTEGRATION_CONNECTIONS)
                        .set(INTEGRATION_CONNECTIONS.USER_ID, userId)
                        .set(INTEGRATION_CONNECTIONS.SERVICE, service)
                        .set(INTEGRATION_CONNECTIONS.EXTERNAL_USER, externalUser)
                        .set(INTEGRATION_CONNECTIONS.CREDENTIALS, sealed)
                        .set(INTEGRATION_CONNECTIONS.STATUS, ConnectionStatus.ACTIVE.wire())
                        .set(INTEGRATION_CONNECTIONS.PULL, pull)
                        .set(INTEGRATION_CONNECTIONS.MIRROR, mirror)
                        .set(INTEGRATION_CONNECTIONS.CURSOR, cursor)
                        .set(INTEGRATION_CONNECTIONS.BACKFILL, backfill)
                        .set(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT, now)
                        .set(INTEGRATION_CONNECTIONS.CREATED_AT, now)
                        .set(INTEGRATION_CONNECTIONS.UPDATED_AT, now)
                        .returning(INTEGRATION_CONNECTIONS.ID).fetchOne().getId();
                return find(id).orElseThrow();
            }
            Connection old = existing.get();
            boolean sameAccount = old.externalUser() != null && old.externalUser().equals(externalUser);
            database.dsl().update(INTEGRATION_CONNECTIONS)
                    .set(INTEGRATION_CONNECTIONS.EXTERNAL_USER, externalUser)
                    .set(INTEGRATION_CONNECTIONS.CREDENTIALS, sealed)
                    .set(INTEGRATION_CONNECTIONS.STATUS, ConnectionStatus.ACTIVE.wire())
                    .set(INTEGRATION_CONNECTIONS.PULL, pull)
                    .set(INTEGRATION_CONNECTIONS.MIRROR, mirror)
                    .set(INTEGRATION_CONNECTIONS.CURSOR, sameAccount && old.cursor() != null ? old.cursor() : cursor)
                    .set(INTEGRATION_CONNECTIONS.BACKFILL,
                            sameAccount && old.backfill() != null ? old.backfill() : backfill)
                    .set(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT, now)
                    .setNull(INTEGRATION_CONNECTIONS.LAST_ERROR)
                    .setNull(INTEGRATION_CONNECTIONS.LAST_ERROR_AT)
                    .set(INTEGRATION_CONNECTIONS.UPDATED_AT, now)
                    .where(INTEGRATION_CONNECTIONS.ID.eq(old.id())).execute();
            return find(old.id()).orElseThrow();
        });
    }

    /** Replaces the secrets (a refreshed access token, a rotated refresh token) at once, whoever holds the claim. */
    public void replaceCredentials(long id, String credentials, long now) {
        database.writeVoid(() -> database.dsl().update(INTEGRATION_CONNECTIONS)
                .set(INTEGRATION_CONNECTIONS.CREDENTIALS, cipher.encrypt(credentials))
                .set(INTEGRATION_CONNECTIONS.UPDATED_AT, now)
                .where(INTEGRATION_CONNECTIONS.ID.eq(id)).execute());
    }

    /**
     * Claims up to {@code limit} of the service's connections that are due ({@code next_sync_at <= now}) and not
     * held by a live claim, until {@code leaseUntil}. On PostgreSQL the candidates are read {@code FOR UPDATE SKIP
     * LOCKED}, so nodes polling at the same moment take different rows instead of waiting for each other; on SQLite
     * the single writer serializes the claims. The conditional update is the claim itself on both.
     */
    public List<Connection> claimDue(String service, long now, long leaseUntil, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.write(() -> {
            var select = database.dsl().select(INTEGRATION_CONNECTIONS.ID).from(INTEGRATION_CONNECTIONS)
                    .where(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT.le(now), INTEGRATION_CONNECTIONS.SERVICE.eq(service),
                            unclaimed(now))
                    .orderBy(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT).limit(limit);
            List<Long> ids = (database.kind() == DatabaseKind.POSTGRES ? select.forUpdate().skipLocked() : select)
                    .fetch(INTEGRATION_CONNECTIONS.ID);
            if (ids.isEmpty()) {
                return List.of();
            }
            database.dsl().update(INTEGRATION_CONNECTIONS).set(INTEGRATION_CONNECTIONS.CLAIMED_UNTIL, leaseUntil)
                    .where(INTEGRATION_CONNECTIONS.ID.in(ids), unclaimed(now)).execute();
            return database.dsl().selectFrom(INTEGRATION_CONNECTIONS)
                    .where(INTEGRATION_CONNECTIONS.ID.in(ids), INTEGRATION_CONNECTIONS.CLAIMED_UNTIL.eq(leaseUntil))
                    .orderBy(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT).fetch(ConnectionStore::map);
        });
    }

    /** Claims one connection now, due or not (sync now); empty when another run holds it or it is not syncable. */
    public Optional<Connection> claim(long id, long now, long leaseUntil) {
        return database.write(() -> {
            int taken = database.dsl().update(INTEGRATION_CONNECTIONS)
                    .set(INTEGRATION_CONNECTIONS.CLAIMED_UNTIL, leaseUntil)
                    .where(INTEGRATION_CONNECTIONS.ID.eq(id), unclaimed(now), syncable()).execute();
            return taken == 1 ? find(id) : Optional.empty();
        });
    }

    private static Condition unclaimed(long now) {
        return INTEGRATION_CONNECTIONS.CLAIMED_UNTIL.isNull().or(INTEGRATION_CONNECTIONS.CLAIMED_UNTIL.lt(now));
    }

    private static Condition syncable() {
        return INTEGRATION_CONNECTIONS.STATUS.in(ConnectionStatus.ACTIVE.wire(), ConnectionStatus.ERROR.wire());
    }

    /**
     * Records a successful step of the run holding {@code claim}: the cursor and backfill progress the provider
     * reached (its listens are committed already), status active, the next run. Nothing is written when the claim was
     * lost (the lease ran out and another run took over): that run stores its own cursor.
     */
    public boolean succeeded(Connection claimed, String cursor, String backfill, long now, Long nextSyncAt) {
        return database.write(() -> database.dsl().update(INTEGRATION_CONNECTIONS)
                .set(INTEGRATION_CONNECTIONS.CURSOR, cursor)
                .set(INTEGRATION_CONNECTIONS.BACKFILL, backfill)
                .set(INTEGRATION_CONNECTIONS.STATUS, ConnectionStatus.ACTIVE.wire())
                .set(INTEGRATION_CONNECTIONS.LAST_SYNC_AT, now)
                .set(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT, nextSyncAt)
                .setNull(INTEGRATION_CONNECTIONS.CLAIMED_UNTIL)
                .setNull(INTEGRATION_CONNECTIONS.LAST_ERROR)
                .set(INTEGRATION_CONNECTIONS.UPDATED_AT, now)
                .where(held(claimed), syncable()).execute() == 1);
    }

    /** Records a failed step: status ({@code error} or {@code needs_reauth}), the reason, when to try again (or null). */
    public boolean failed(Connection claimed, ConnectionStatus status, String error, long now, Long nextSyncAt) {
        String reason = error == null ? "unknown error" : error;
        return database.write(() -> database.dsl().update(INTEGRATION_CONNECTIONS)
                .set(INTEGRATION_CONNECTIONS.STATUS, status.wire())
                .set(INTEGRATION_CONNECTIONS.LAST_ERROR, reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason)
                .set(INTEGRATION_CONNECTIONS.LAST_ERROR_AT, now)
                .set(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT, nextSyncAt)
                .setNull(INTEGRATION_CONNECTIONS.CLAIMED_UNTIL)
                .set(INTEGRATION_CONNECTIONS.UPDATED_AT, now)
                .where(held(claimed), syncable()).execute() == 1);
    }

    private static Condition held(Connection claimed) {
        return INTEGRATION_CONNECTIONS.ID.eq(claimed.id()).and(INTEGRATION_CONNECTIONS.CLAIMED_UNTIL.eq(claimed.claimedUntil()));
    }

    /** Makes a syncable connection due now (sync now); false when it is not syncable. */
    public boolean makeDue(long id, long now) {
        return database.write(() -> database.dsl().update(INTEGRATION_CONNECTIONS)
                .set(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT, now)
                .where(INTEGRATION_CONNECTIONS.ID.eq(id), syncable()).execute() == 1);
    }

    /** Sets whether plays are pulled from and mirrored to the service (the user's choice). */
    public void options(long id, boolean pull, boolean mirror, long now) {
        database.writeVoid(() -> database.dsl().update(INTEGRATION_CONNECTIONS)
                .set(INTEGRATION_CONNECTIONS.PULL, pull).set(INTEGRATION_CONNECTIONS.MIRROR, mirror)
                .set(INTEGRATION_CONNECTIONS.UPDATED_AT, now)
                .where(INTEGRATION_CONNECTIONS.ID.eq(id)).execute());
    }

    /**
     * Disconnects: secrets deleted, no more syncs, status {@code disconnected}. The row stays (with its cursor) so
     * that the user sees it and a later connection of the same account continues where this one stopped.
     */
    public boolean disconnect(long userId, String service, long now) {
        return database.write(() -> database.dsl().update(INTEGRATION_CONNECTIONS)
                .setNull(INTEGRATION_CONNECTIONS.CREDENTIALS)
                .set(INTEGRATION_CONNECTIONS.STATUS, ConnectionStatus.DISCONNECTED.wire())
                .setNull(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT)
                .setNull(INTEGRATION_CONNECTIONS.CLAIMED_UNTIL)
                .set(INTEGRATION_CONNECTIONS.UPDATED_AT, now)
                .where(INTEGRATION_CONNECTIONS.USER_ID.eq(userId), INTEGRATION_CONNECTIONS.SERVICE.eq(service))
                .execute() == 1);
    }

    /** Starts an OAuth authorization: the state's SHA-256 is the key, the PKCE verifier is sealed. */
    public void pendingAuthorization(String stateSha256, PendingAuthorization pending) {
        database.writeVoid(() -> {
            database.dsl().deleteFrom(INTEGRATION_OAUTH_STATES)
                    .where(INTEGRATION_OAUTH_STATES.EXPIRES_AT.lt(pending.expiresAt() - 3_600_000L)).execute();
            database.dsl().insertInto(INTEGRATION_OAUTH_STATES)
                    .set(INTEGRATION_OAUTH_STATES.STATE_HASH, stateSha256)
                    .set(INTEGRATION_OAUTH_STATES.USER_ID, pending.userId())
                    .set(INTEGRATION_OAUTH_STATES.SERVICE, pending.service())
                    .set(INTEGRATION_OAUTH_STATES.VERIFIER, cipher.encrypt(pending.verifier()))
                    .set(INTEGRATION_OAUTH_STATES.REDIRECT_URI, pending.redirectUri())
                    .set(INTEGRATION_OAUTH_STATES.RETURN_TO, pending.returnTo())
                    .set(INTEGRATION_OAUTH_STATES.EXPIRES_AT, pending.expiresAt())
                    .set(INTEGRATION_OAUTH_STATES.BROWSER_BINDING_HASH, pending.browserBindingHash())
                    .execute();
        });
    }

    /**
     * Takes the authorization of a state once: the delete decides, so of two callbacks with one state only one gets
     * it, on any number of nodes (RFC 6749 §10.12). Expired ones are returned too; the caller refuses them.
     */
    /** Keeps the provider's consent URL of an unbound flow (started through the API) until a browser is bound. */
    public void authorizeUrl(String stateSha256, String url) {
        database.writeVoid(() -> database.dsl().update(INTEGRATION_OAUTH_STATES)
                .set(INTEGRATION_OAUTH_STATES.AUTHORIZE_URL, url)
                .where(INTEGRATION_OAUTH_STATES.STATE_HASH.eq(stateSha256)).execute());
    }

    /**
     * Binds the user's own unbound, unexpired flow of the service to a browser (once) and answers its consent URL;
     * empty when there is no such flow (unknown, another user's, already bound, expired).
     */
    public Optional<String> bindBrowser(String stateSha256, long userId, String service, String bindingSha256, long now) {
        return database.write(() -> {
            Optional<String> url = database.dsl().select(INTEGRATION_OAUTH_STATES.AUTHORIZE_URL)
                    .from(INTEGRATION_OAUTH_STATES)
                    .where(INTEGRATION_OAUTH_STATES.STATE_HASH.eq(stateSha256))
                    .and(INTEGRATION_OAUTH_STATES.USER_ID.eq(userId))
                    .and(INTEGRATION_OAUTH_STATES.SERVICE.eq(service))
                    .and(INTEGRATION_OAUTH_STATES.BROWSER_BINDING_HASH.isNull())
                    .and(INTEGRATION_OAUTH_STATES.AUTHORIZE_URL.isNotNull())
                    .and(INTEGRATION_OAUTH_STATES.EXPIRES_AT.ge(now))
                    .fetchOptional(INTEGRATION_OAUTH_STATES.AUTHORIZE_URL);
            if (url.isEmpty()) {
                return url;
            }
            int bound = database.dsl().update(INTEGRATION_OAUTH_STATES)
                    .set(INTEGRATION_OAUTH_STATES.BROWSER_BINDING_HASH, bindingSha256)
                    .setNull(INTEGRATION_OAUTH_STATES.AUTHORIZE_URL)
                    .where(INTEGRATION_OAUTH_STATES.STATE_HASH.eq(stateSha256))
                    .and(INTEGRATION_OAUTH_STATES.BROWSER_BINDING_HASH.isNull()).execute();
            return bound == 1 ? url : Optional.<String>empty();
        });
    }

    public Optional<PendingAuthorization> takeAuthorization(String stateSha256) {
        return database.write(() -> {
            Optional<PendingAuthorization> row = database.dsl().selectFrom(INTEGRATION_OAUTH_STATES)
                    .where(INTEGRATION_OAUTH_STATES.STATE_HASH.eq(stateSha256))
                    .fetchOptional(r -> new PendingAuthorization(r.getUserId(), r.getService(),
                            cipher.decrypt(r.getVerifier()), r.getRedirectUri(), r.getReturnTo(), r.getExpiresAt(),
                            r.getBrowserBindingHash()));
            if (row.isEmpty()) {
                return row;
            }
            int deleted = database.dsl().deleteFrom(INTEGRATION_OAUTH_STATES)
                    .where(INTEGRATION_OAUTH_STATES.STATE_HASH.eq(stateSha256)).execute();
            return deleted == 1 ? row : Optional.empty();
        });
    }

    private static Connection map(Record record) {
        IntegrationConnectionsRecord r = record.into(INTEGRATION_CONNECTIONS);
        return new Connection(r.getId(), r.getUserId(), r.getService(), r.getExternalUser(), r.getCredentials(),
                ConnectionStatus.fromWire(r.getStatus()), Boolean.TRUE.equals(r.getPull()),
                Boolean.TRUE.equals(r.getMirror()), r.getCursor(), r.getBackfill(), r.getLastSyncAt(),
                r.getNextSyncAt(), r.getClaimedUntil(), r.getLastError(), r.getLastErrorAt(), r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
