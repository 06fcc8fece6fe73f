package org.tonearm.integrations.internal.persistence;

import static org.tonearm.schema.Tables.INTEGRATION_CONNECTIONS;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.tonearm.integrations.internal.connection.ConnectionStatus;
import org.tonearm.shared.Database;

/**
 * What the mirror outbox reads and writes of {@code integration_connections} (the connection foundation's table):
 * which services a user mirrors to (inside the funnel's write transaction) and "needs re-authorization" when a send
 * was refused for the credentials, outside any sync claim.
 */
@Repository
public class MirrorConnectionsRepository {

    private final Database database;

    public MirrorConnectionsRepository(Database database) {
        this.database = database;
    }

    /** The services among {@code mirrorable} this user mirrors to now (connected, mirror on). */
    public List<String> mirrorTargets(long userId, Collection<String> mirrorable) {
        return database.dsl().select(INTEGRATION_CONNECTIONS.SERVICE).from(INTEGRATION_CONNECTIONS)
                .where(INTEGRATION_CONNECTIONS.USER_ID.eq(userId))
                .and(INTEGRATION_CONNECTIONS.SERVICE.in(mirrorable))
                .and(INTEGRATION_CONNECTIONS.MIRROR.isTrue())
                .and(INTEGRATION_CONNECTIONS.STATUS.ne(ConnectionStatus.DISCONNECTED.wire()))
                .fetch(INTEGRATION_CONNECTIONS.SERVICE);
    }

    /** The service refused the stored credentials: the user must connect again (polling stops until then). */
    public void needsReauthorization(long userId, String service, String error, long now) {
        String reason = error == null ? "the service refused the stored authorization" : error;
        database.writeVoid(() -> database.dsl().update(INTEGRATION_CONNECTIONS)
                .set(INTEGRATION_CONNECTIONS.STATUS, ConnectionStatus.NEEDS_REAUTH.wire())
                .set(INTEGRATION_CONNECTIONS.LAST_ERROR, reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .set(INTEGRATION_CONNECTIONS.LAST_ERROR_AT, now)
                .setNull(INTEGRATION_CONNECTIONS.NEXT_SYNC_AT)
                .set(INTEGRATION_CONNECTIONS.UPDATED_AT, now)
                .where(INTEGRATION_CONNECTIONS.USER_ID.eq(userId)).and(INTEGRATION_CONNECTIONS.SERVICE.eq(service))
                .and(INTEGRATION_CONNECTIONS.STATUS.ne(ConnectionStatus.DISCONNECTED.wire())).execute());
    }
}
