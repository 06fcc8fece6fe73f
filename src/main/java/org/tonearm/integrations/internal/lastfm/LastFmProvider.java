package org.tonearm.integrations.internal.lastfm;

import org.tonearm.integrations.OAuthBrowserBinding;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.internal.connection.AuthorizationRefused;
import org.tonearm.integrations.internal.connection.ConnectRequest;
import org.tonearm.integrations.internal.connection.ConnectResult;
import org.tonearm.integrations.internal.connection.Connection;
import org.tonearm.integrations.internal.connection.ConnectionProvider;
import org.tonearm.integrations.internal.connection.ConnectionStatus;
import org.tonearm.integrations.internal.connection.ConnectionStore;
import org.tonearm.integrations.internal.connection.OAuthStates;
import org.tonearm.integrations.internal.connection.SyncStep;
import org.tonearm.integrations.internal.scrobbling.PullProgress;
import org.tonearm.integrations.internal.scrobbling.PullProperties;
import org.tonearm.integrations.internal.scrobbling.PullSteps;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure;
import org.tonearm.shared.TonearmException;

/**
 * Last.fm as a connection (docs/api.md#connections-lastfm-and-listenbrainz). Pulling needs only the user name and the
 * operator's API key; mirroring needs a session key from Last.fm's web auth (https://www.last.fm/api/webauth): the
 * user approves Tonearm at {@code https://www.last.fm/api/auth/?api_key=…&cb=…}, Last.fm sends the browser to the
 * callback with {@code token}, which {@code auth.getSession} (signed) exchanges for the session key. The callback
 * URL carries a single-use {@code state} (the connection foundation's {@link OAuthStates}, 10 minutes) naming the
 * user, because Last.fm's redirect itself says nothing of who started it.
 */
@Component
class LastFmProvider implements ConnectionProvider {

    static final String SERVICE = "lastfm";

    private final LastFmClient client;
    private final LastFmPull pull;
    private final ConnectionStore store;
    private final OAuthStates states;
    private final PullProperties properties;

    LastFmProvider(LastFmClient client, LastFmPull pull, ConnectionStore store, OAuthStates states,
            PullProperties properties) {
        this.client = client;
        this.pull = pull;
        this.store = store;
        this.states = states;
        this.properties = properties;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public boolean available() {
        return client.properties().configured();
    }

    @Override
    public ConnectResult connect(long userId, ConnectRequest request) {
        if (request.flag("mirror", false)) {
            if (!client.properties().canSign()) {
                throw TonearmException.invalid("mirror",
                        "mirroring to Last.fm is not set up on this server (tonearm.integrations.lastfm.api-secret)");
            }
            OAuthStates.Started started = states.start(userId, SERVICE, request.callbackUrl(), request.returnTo(),
                request.browserNonce());
            String cb = UriComponentsBuilder.fromUriString(request.callbackUrl()).queryParam("state", started.state())
                    .encode().build().toUriString();
            return new ConnectResult.Redirect(states.handOut(started, SERVICE, client.authorizeUrl(cb)));
        }
        String user = request.account("user");
        boolean pull = request.flag("pull", true); // read before calling Last.fm: a wrong type is refused first
        if (user == null) {
            throw TonearmException.invalid("user", "is required");
        }
        try {
            client.recentTracks(user, 1, null, null); // the user exists (error 6 otherwise)
        } catch (RemoteFailure f) {
            if (f.kind() == RemoteFailure.Kind.NOT_FOUND) {
                throw TonearmException.invalid("user", "Last.fm has no user " + user);
            }
            throw PullSteps.translate(ExternalService.LASTFM, f);
        }
        // connecting again for pulling keeps a session key already given for mirroring
        Optional<Connection> old = store.find(userId, SERVICE).filter(c -> user.equalsIgnoreCase(c.externalUser()));
        String session = old.map(store::credentials).orElse(null);
        boolean mirror = old.map(c -> c.mirror() && c.status() != ConnectionStatus.DISCONNECTED).orElse(false)
                && session != null;
        return new ConnectResult.Connected(userId, user, session, pull, mirror, null,
                PullProgress.start(System.currentTimeMillis()).json(), null);
    }

    @Override
    public ConnectResult.Connected callback(Long userId, Map<String, String> params) {
        var pending = states.take(params.get("state"), SERVICE, userId,
                params.get(OAuthBrowserBinding.PARAM));
        String token = params.get("token");
        if (token == null || token.isBlank()) {
            throw new AuthorizationRefused("token", "Last.fm did not authorize Tonearm", pending.returnTo());
        }
        LastFmClient.Session session;
        try {
            session = client.session(token);
        } catch (RemoteFailure f) {
            throw new AuthorizationRefused("token", "Last.fm did not accept the authorization: " + f.getMessage(),
                    pending.returnTo());
        }
        boolean pulling = store.find(pending.userId(), SERVICE).map(Connection::pull).orElse(true);
        return new ConnectResult.Connected(pending.userId(), session.user(), session.key(), pulling, true, null,
                PullProgress.start(System.currentTimeMillis()).json(), pending.returnTo());
    }

    @Override
    public SyncStep sync(Connection connection) {
        if (!connection.pull()) {
            return new SyncStep(connection.cursor(), connection.backfill(), 0, 0, properties.interval());
        }
        return PullSteps.run(connection, ExternalService.LASTFM, properties.interval(),
                () -> pull.step(connection.userId(), connection.externalUser(),
                        PullProgress.parse(connection.backfill(), System.currentTimeMillis())));
    }
}
