package org.tonearm.integrations.internal.connection;

import org.springframework.beans.factory.annotation.Qualifier;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import org.tonearm.integrations.ConnectOutcome;
import org.tonearm.integrations.ConnectionView;
import org.tonearm.integrations.Connections;
import org.tonearm.shared.Instants;
import org.tonearm.shared.TonearmException;

/** The {@link Connections} façade: finds the provider of a service and keeps the user's rows (docs/api.md#connections). */
@Service
class ConnectionService implements Connections {

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectionStore store;
    private final ConnectionScheduler scheduler;
    private final Map<String, ConnectionProvider> providers = new LinkedHashMap<>();
    private final Clock clock;
    private final CallbackUrls callbackUrls;
    private final org.tonearm.integrations.internal.persistence.OutboxRepository outbox;
    private final OAuthStates states;

    ConnectionService(ConnectionStore store, ConnectionScheduler scheduler, List<ConnectionProvider> providers,
            @Qualifier("integrationsClock") Clock integrationsClock, CallbackUrls callbackUrls,
            org.tonearm.integrations.internal.persistence.OutboxRepository outbox, OAuthStates states) {
        this.outbox = outbox;
        this.states = states;
        this.callbackUrls = callbackUrls;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = integrationsClock;
        providers.forEach(p -> this.providers.put(p.service(), p));
    }

    @Override
    public List<String> services() {
        return providers.values().stream().filter(ConnectionProvider::available).map(ConnectionProvider::service)
                .toList();
    }

    @Override
    public List<String> authorizeOrigins() {
        return providers.values().stream().filter(ConnectionProvider::available).map(ConnectionProvider::authorizeOrigin)
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    @Override
    public List<ConnectionView> list(long userId) {
        return store.list(userId).stream().map(this::view).toList();
    }

    @Override
    public ConnectionView get(long userId, String service) {
        return view(existing(userId, service));
    }

    @Override
    public ConnectOutcome connect(long userId, String service, Map<String, Object> body, String returnTo,
            String browserNonce) {
        if (returnTo != null && !returnTo.startsWith("/") || returnTo != null && returnTo.startsWith("//")) {
            throw TonearmException.invalid("return_to", "must be a local path"); // never an open redirect
        }
        ConnectResult result = provider(service).connect(userId,
                new ConnectRequest(body, callbackUrls.of(service), returnTo, browserNonce));
        return switch (result) {
            case ConnectResult.Redirect r -> ConnectOutcome.redirect(r.authorizeUrl());
            case ConnectResult.Connected c -> ConnectOutcome.connected(view(save(service, c)));
        };
    }

    @Override
    public String startInBrowser(long userId, String service, String state, String browserNonce) {
        provider(service); // unknown or unconfigured service: refused like every other call
        return states.bindBrowser(userId, service, state, browserNonce);
    }

    @Override
    public CallbackOutcome callback(Long userId, String service, Map<String, String> params) {
        ConnectResult.Connected connected = provider(service).callback(userId, params);
        return new CallbackOutcome(view(save(service, connected)), connected.returnTo());
    }

    private Connection save(String service, ConnectResult.Connected c) {
        Connection saved = store.connect(c.userId(), service, c.externalUser(), c.credentials(), c.pull(), c.mirror(),
                c.cursor(), c.backfill(), clock.millis());
        log.info("user {} connected {} ({})", c.userId(), service, c.externalUser());
        return saved;
    }

    @Override
    public void disconnect(long userId, String service) {
        Connection connection = existing(userId, service);
        ConnectionProvider provider = providers.get(service);
        if (provider != null && connection.status() != ConnectionStatus.DISCONNECTED) {
            try {
                provider.disconnect(connection);
            } catch (RuntimeException e) {
                log.info("{} did not confirm the disconnection of user {}: {}", service, userId, e.toString());
            }
        }
        store.disconnect(userId, service, clock.millis());
    }

    @Override
    public ConnectionView syncNow(long userId, String service) {
        provider(service);
        Connection connection = existing(userId, service);
        if (connection.status() == ConnectionStatus.NEEDS_REAUTH || connection.status() == ConnectionStatus.DISCONNECTED) {
            throw TonearmException.conflict(service + " is " + connection.status().wire()
                    + ": connect it again before syncing");
        }
        return view(scheduler.runNow(connection.id()).orElse(connection));
    }

    private Connection existing(long userId, String service) {
        return store.find(userId, service)
                .orElseThrow(() -> TonearmException.notFound("connection to " + service));
    }

    private ConnectionProvider provider(String service) {
        ConnectionProvider provider = providers.get(service);
        if (provider == null || !provider.available()) {
            throw TonearmException.notFound("service " + service + " (available: " + String.join(", ", services()) + ")");
        }
        return provider;
    }

    /** The connection as the API shows it, with its mirror outbox when it mirrors (scrobble-sync). */
    ConnectionView view(Connection c) {
        ConnectionView view = plainView(c);
        if (!c.mirror()) {
            return view;
        }
        var summary = outbox.summary(c.userId(), c.service());
        return view.withOutbox(new ConnectionView.Outbox(summary.pending(), summary.ignored(), summary.lastError()));
    }

    static ConnectionView plainView(Connection c) {
        return new ConnectionView(c.service(), c.externalUser(), c.status().wire(), c.pull(), c.mirror(),
                Instants.formatOrNull(c.lastSyncAt()), Instants.formatOrNull(c.nextSyncAt()), c.lastError(),
                Instants.formatOrNull(c.lastErrorAt()), backfill(c.backfill()), Instants.format(c.createdAt()));
    }

    private static Object backfill(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (RuntimeException e) {
            return json;
        }
    }
}
