package org.tonearm.integrations.internal.spotify;

import org.tonearm.integrations.OAuthBrowserBinding;
import org.springframework.beans.factory.annotation.Qualifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.tonearm.integrations.ExternalHttp;
import org.tonearm.integrations.ExternalRequest;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.internal.IntegrationsProperties;
import org.tonearm.integrations.internal.connection.AuthorizationRefused;
import org.tonearm.integrations.internal.connection.ConnectRequest;
import org.tonearm.integrations.internal.connection.ConnectResult;
import org.tonearm.integrations.internal.connection.Connection;
import org.tonearm.integrations.internal.connection.ConnectionProvider;
import org.tonearm.integrations.internal.connection.ConnectionStore;
import org.tonearm.integrations.internal.connection.OAuthStates;
import org.tonearm.integrations.internal.connection.SyncStep;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.ListenHistory;
import tools.jackson.databind.JsonNode;

/**
 * Spotify (issue 13 item 2, docs/api.md#connections, docs/operations.md#spotify): connects with the OAuth
 * authorization-code flow with PKCE through the operator's app and polls recently-played.
 *
 * <h2>One sync step</h2>
 * <ol>
 *   <li>refresh the access token when it expires within {@code refresh-before} (5 min), storing the new tokens at once
 *       (Spotify may rotate the refresh token; the old one may stop working);</li>
 *   <li>{@code GET /v1/me/player/recently-played?limit=50&after=<cursor>}; a 401 (the token expired mid-poll) refreshes
 *       once and repeats the call;</li>
 *   <li>commit the plays through the funnel ({@code ListenService.ingestBatch}, channel sync);</li>
 *   <li>only then answer the new cursor — the newest played_at seen, never below the old one (a page whose cursors
 *       went backwards moves nothing back) — which the scheduler stores. A crash before it is stored repeats the poll
 *       from the old cursor, and the funnel stores nothing twice (same external id).</li>
 * </ol>
 * Next poll: at once when the page was full (more may wait), after {@code poll-interval} (30 s) for an active user —
 * a listen started within {@code active-window} (1 h) — else after {@code idle-interval} (5 min).
 */
@Component
class SpotifyProvider implements ConnectionProvider {

    static final String SERVICE = "spotify";
    /** The one scope the poll needs (https://developer.spotify.com/documentation/web-api/concepts/scopes). */
    static final String SCOPE = "user-read-recently-played";
    /** recently-played's largest page (its limit parameter: 1–50). */
    static final int PAGE = 50;

    private final SpotifyProperties properties;
    private final SpotifyAccounts accounts;
    private final ExternalHttp http;
    private final ConnectionStore store;
    private final OAuthStates states;
    private final ListenService funnel;
    private final ListenHistory recent;
    private final Clock clock;
    private final String accountsBaseUrl;

    SpotifyProvider(SpotifyProperties properties, SpotifyAccounts accounts, ExternalHttp http, ConnectionStore store,
            OAuthStates states, ListenService funnel, ListenHistory recent, @Qualifier("integrationsClock") Clock integrationsClock,
            IntegrationsProperties integrations) {
        this.properties = properties;
        this.accounts = accounts;
        this.http = http;
        this.store = store;
        this.states = states;
        this.funnel = funnel;
        this.recent = recent;
        this.clock = integrationsClock;
        this.accountsBaseUrl = (properties.accountsBaseUrl() != null ? properties.accountsBaseUrl()
                : integrations.baseUrl(ExternalService.SPOTIFY_ACCOUNTS)).toString().replaceAll("/+$", "");
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public boolean available() {
        return properties.configured();
    }

    @Override
    public String authorizeOrigin() {
        java.net.URI base = java.net.URI.create(accountsBaseUrl);
        return base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
    }

    /** The authorize URL (https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow). */
    @Override
    public ConnectResult connect(long userId, ConnectRequest request) {
        OAuthStates.Started started = states.start(userId, SERVICE, request.callbackUrl(), request.returnTo(),
                request.browserNonce());
        String url = UriComponentsBuilder.fromUriString(accountsBaseUrl + "/authorize")
                .queryParam("client_id", properties.clientId())
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", request.callbackUrl())
                .queryParam("state", started.state())
                .queryParam("scope", SCOPE)
                .queryParam("code_challenge_method", "S256")
                .queryParam("code_challenge", started.challenge())
                // always ask: an authorization started by someone else can never complete silently in a browser
                // that approved Tonearm before (the state is bound to its user, this makes the approval visible)
                .queryParam("show_dialog", "true")
                .encode().build().toUriString();
        return new ConnectResult.Redirect(states.handOut(started, SERVICE, url));
    }

    @Override
    public ConnectResult.Connected callback(Long userId, Map<String, String> params) {
        var pending = states.take(params.get("state"), SERVICE, userId,
                params.get(OAuthBrowserBinding.PARAM));
        if (params.get("error") != null) {
            throw new AuthorizationRefused("error", "Spotify did not authorize Tonearm: " + params.get("error"),
                    pending.returnTo());
        }
        String code = params.get("code");
        if (code == null || code.isBlank()) {
            throw new AuthorizationRefused("code", "is required", pending.returnTo());
        }
        SpotifyCredentials tokens;
        String spotifyUser;
        try {
            tokens = accounts.exchange(code, pending.redirectUri(), pending.verifier());
            JsonNode me = http.exchange(ExternalService.SPOTIFY,
                    ExternalRequest.get("/v1/me").header("Authorization", "Bearer " + tokens.accessToken()), JsonNode.class);
            spotifyUser = me == null ? null : me.path("id").asString(null);
        } catch (ExternalServiceException | org.tonearm.integrations.internal.connection.ReauthorizationRequired e) {
            throw new AuthorizationRefused("code", "Spotify did not accept the authorization: " + e.getMessage(),
                    pending.returnTo());
        }
        // the first poll starts at the beginning of what recently-played keeps (its last 50 plays)
        return new ConnectResult.Connected(pending.userId(), spotifyUser, tokens.toJson(), true, false, null, null,
                pending.returnTo());
    }

    @Override
    public SyncStep sync(Connection connection) {
        SpotifyCredentials tokens = fresh(connection, SpotifyCredentials.fromJson(store.credentials(connection)));
        long after = connection.cursor() == null ? 0 : Long.parseLong(connection.cursor());
        JsonNode page;
        try {
            page = recentlyPlayed(tokens, after);
        } catch (ExternalServiceException e) {
            if (e.upstreamStatus() != 401) {
                throw e;
            }
            // the access token expired (or was revoked) before its stated time: refresh once and repeat
            tokens = refresh(connection, tokens);
            page = recentlyPlayed(tokens, after);
        }
        List<RecentlyPlayed.Play> plays;
        try {
            plays = RecentlyPlayed.plays(connection.userId(), page);
        } catch (IllegalArgumentException e) {
            throw new ExternalServiceException(ExternalService.SPOTIFY, ExternalServiceException.Reason.BAD_RESPONSE,
                    200, null, "Spotify answered recently-played without items", e);
        }
        int stored = 0;
        long newest = after;
        if (!plays.isEmpty()) {
            List<IngestResult> results = funnel.ingestBatch(plays.stream().map(RecentlyPlayed.Play::listen).toList());
            for (IngestResult r : results) {
                if (r.status() == org.tonearm.listens.IngestStatus.CREATED || r.status() == org.tonearm.listens.IngestStatus.MERGED) {
                    stored++;
                }
            }
            for (RecentlyPlayed.Play p : plays) {
                newest = Math.max(newest, p.playedAtMs());
            }
        }
        int received = page.path("items").size();
        Duration next = received >= PAGE && newest > after ? Duration.ZERO
                : active(connection.userId()) ? properties.pollInterval() : properties.idleInterval();
        return new SyncStep(Long.toString(newest), connection.backfill(), received, stored, next);
    }

    private JsonNode recentlyPlayed(SpotifyCredentials tokens, long after) {
        ExternalRequest request = after > 0
                ? ExternalRequest.get("/v1/me/player/recently-played?limit={limit}&after={after}", PAGE, after)
                : ExternalRequest.get("/v1/me/player/recently-played?limit={limit}", PAGE);
        JsonNode page = http.exchange(ExternalService.SPOTIFY,
                request.header("Authorization", "Bearer " + tokens.accessToken()), JsonNode.class);
        if (page == null || !page.isObject()) {
            throw new ExternalServiceException(ExternalService.SPOTIFY, ExternalServiceException.Reason.BAD_RESPONSE,
                    200, null, "Spotify answered recently-played with an empty body", null);
        }
        return page;
    }

    /** The tokens, refreshed first when the access token expires within refresh-before. */
    private SpotifyCredentials fresh(Connection connection, SpotifyCredentials tokens) {
        if (tokens.expiresAt() - properties.refreshBefore().toMillis() > clock.millis()) {
            return tokens;
        }
        return refresh(connection, tokens);
    }

    private SpotifyCredentials refresh(Connection connection, SpotifyCredentials tokens) {
        SpotifyCredentials refreshed = accounts.refresh(tokens);
        store.replaceCredentials(connection.id(), refreshed.toJson(), clock.millis()); // a rotated refresh token at once
        return refreshed;
    }

    /** Active: a listen started within the active window (docs/operations.md#spotify). */
    private boolean active(long userId) {
        long now = clock.millis();
        return recent.count(userId, now - properties.activeWindow().toMillis(), null) > 0;
    }
}
