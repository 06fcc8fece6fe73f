package org.tonearm.integrations.internal.scrobbling;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tonearm.integrations.internal.connection.Connection;
import org.tonearm.integrations.internal.connection.ConnectionStatus;
import org.tonearm.integrations.internal.connection.ConnectionStore;
import org.tonearm.integrations.internal.persistence.MirrorConnectionsRepository;

/** {@link MirrorAccounts} over the user's connections ({@code integration_connections}, secrets opened by the store). */
@Component
class ConnectionMirrorAccounts implements MirrorAccounts {

    private static final List<String> MIRRORABLE = List.of(OutboxSender.LASTFM, OutboxSender.LISTENBRAINZ);

    private final ConnectionStore store;
    private final MirrorConnectionsRepository connections;
    private final Clock clock = Clock.systemUTC();

    ConnectionMirrorAccounts(ConnectionStore store, MirrorConnectionsRepository connections) {
        this.store = store;
        this.connections = connections;
    }

    @Override
    public List<String> mirrorTargets(long userId) {
        return connections.mirrorTargets(userId, MIRRORABLE);
    }

    @Override
    public Optional<Account> account(long userId, String service) {
        Optional<Connection> found = store.find(userId, service);
        if (found.isEmpty() || !found.get().mirror() || found.get().status() == ConnectionStatus.DISCONNECTED) {
            return Optional.empty();
        }
        Connection c = found.get();
        boolean paused = c.status() == ConnectionStatus.NEEDS_REAUTH;
        return Optional.of(new Account(c.externalUser(), paused ? null : store.credentials(c), paused));
    }

    @Override
    public void failed(long userId, String service, RemoteFailure failure) {
        if (failure.kind() == RemoteFailure.Kind.NEEDS_REAUTH) {
            connections.needsReauthorization(userId, service, "Mirroring: " + failure.getMessage(), clock.millis());
        }
    }
}
