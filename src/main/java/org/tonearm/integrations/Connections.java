package org.tonearm.integrations;

import java.util.List;
import java.util.Map;

/**
 * A user's connections to external services (Spotify, Last.fm, ListenBrainz): the façade behind
 * {@code /api/v1/connections} and the web page's "Streaming services" section (docs/api.md#connections). Every
 * method is scoped by the user: one user never reaches another's connection. An unknown or unconfigured service is
 * RESOURCE_NOT_FOUND.
 */
public interface Connections {

    /** The services an operator made available on this instance (e.g. Spotify needs a client id). */
    List<String> services();

    List<ConnectionView> list(long userId);

    /** The origins a connect may send the browser to (OAuth consent pages), for the web page's CSP form-action. */
    List<String> authorizeOrigins();

    /** The user's connection to the service; RESOURCE_NOT_FOUND when there is none. */
    ConnectionView get(long userId, String service);

    /**
     * Connects the service (body per provider, docs/api.md#connections), or answers the authorization URL to send the
     * browser to.
     *
     * Call inside a request: the OAuth redirect URI may be taken from it (docs/operations.md#spotify).
     *
     * @param returnTo a local path the callback sends the browser to (the web page), or null for API clients
     */
    default ConnectOutcome connect(long userId, String service, Map<String, Object> body, String returnTo) {
        return connect(userId, service, body, returnTo, null);
    }

    /**
     * Connects as above; {@code browserNonce} is the nonce of the {@link OAuthBrowserBinding} cookie the caller sets in
     * the starting browser (web page), or null (API: the answer is the start page that binds the browser later).
     */
    ConnectOutcome connect(long userId, String service, Map<String, Object> body, String returnTo, String browserNonce);

    /**
     * The start page of a flow started through the API (issue 13): binds the user's own flow of {@code state} to this
     * browser's nonce (once, within its 10 minutes) and answers the service's consent URL to redirect to; refused (400
     * naming {@code state}) for another user's, an unknown, expired or already opened flow.
     */
    String startInBrowser(long userId, String service, String state, String browserNonce);

    /**
     * Completes an OAuth connection from the service's redirect ({@code code}, {@code state}, or {@code error}).
     * {@code userId} is the authenticated caller or null; a state of another user is refused, and so is a callback
     * without the binding nonce of the browser that started the flow (params {@link OAuthBrowserBinding#PARAM}).
     */
    CallbackOutcome callback(Long userId, String service, Map<String, String> params);

    /** The connection the callback completed and where to send the browser (a local path, or null). */
    record CallbackOutcome(ConnectionView connection, String returnTo) {}

    /** Disconnects: no more syncs, secrets deleted; RESOURCE_NOT_FOUND when there is no connection. */
    void disconnect(long userId, String service);

    /** Runs one sync step now (waiting for a run in progress) and answers the connection's state after it. */
    ConnectionView syncNow(long userId, String service);
}
