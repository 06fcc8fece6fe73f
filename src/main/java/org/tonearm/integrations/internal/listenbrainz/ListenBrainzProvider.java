package org.tonearm.integrations.internal.listenbrainz;

import org.springframework.stereotype.Component;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.internal.connection.ConnectRequest;
import org.tonearm.integrations.internal.connection.ConnectResult;
import org.tonearm.integrations.internal.connection.Connection;
import org.tonearm.integrations.internal.connection.ConnectionProvider;
import org.tonearm.integrations.internal.connection.ConnectionStore;
import org.tonearm.integrations.internal.connection.SyncStep;
import org.tonearm.integrations.internal.scrobbling.PullProgress;
import org.tonearm.integrations.internal.scrobbling.PullProperties;
import org.tonearm.integrations.internal.scrobbling.PullSteps;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure;
import org.tonearm.shared.TonearmException;

/**
 * ListenBrainz as a connection (docs/api.md#connections-lastfm-and-listenbrainz): a user name, and a token that is
 * checked at once ({@code GET /1/validate-token}) — needed to mirror, optional to pull public listens. Each sync is
 * one {@link ListenBrainzPull} step.
 */
@Component
class ListenBrainzProvider implements ConnectionProvider {

    static final String SERVICE = "listenbrainz";

    private final ListenBrainzClient client;
    private final ListenBrainzPull pull;
    private final ConnectionStore store;
    private final PullProperties properties;

    ListenBrainzProvider(ListenBrainzClient client, ListenBrainzPull pull, ConnectionStore store,
            PullProperties properties) {
        this.client = client;
        this.pull = pull;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ConnectResult connect(long userId, ConnectRequest request) {
        String user = request.account("user");
        String token = request.text("token");
        boolean pulling = request.flag("pull", true);
        boolean mirror = request.flag("mirror", false);
        if (token == null && mirror) {
            throw TonearmException.invalid("token", "is required to mirror listens to ListenBrainz");
        }
        if (token != null) {
            try {
                String owner = client.validate(token);
                if (user != null && owner != null && !owner.equalsIgnoreCase(user)) {
                    throw TonearmException.invalid("token", "belongs to ListenBrainz user " + owner + ", not " + user);
                }
                user = owner != null ? owner : user;
            } catch (RemoteFailure f) {
                if (f.kind() == RemoteFailure.Kind.NEEDS_REAUTH) {
                    throw TonearmException.invalid("token", "is not a valid ListenBrainz token");
                }
                throw PullSteps.translate(ExternalService.LISTENBRAINZ, f);
            }
        }
        if (user == null) {
            throw TonearmException.invalid("user", "is required (or a token, which names its user)");
        }
        return new ConnectResult.Connected(userId, user, token, pulling, mirror, null,
                PullProgress.start(System.currentTimeMillis()).json(), null);
    }

    @Override
    public SyncStep sync(Connection connection) {
        if (!connection.pull()) {
            return new SyncStep(connection.cursor(), connection.backfill(), 0, 0, properties.interval());
        }
        String token = store.credentials(connection);
        return PullSteps.run(connection, ExternalService.LISTENBRAINZ, properties.interval(),
                () -> pull.step(connection.userId(), connection.externalUser(), token,
                        PullProgress.parse(connection.backfill(), System.currentTimeMillis())));
    }
}
