package org.tonearm.integrations.internal.connection;

/** What {@link ConnectionProvider#connect} answers. */
public sealed interface ConnectResult {

    /**
     * Connected: the service confirmed the account. The connection service stores it (secrets sealed), due now.
     *
     * @param userId       whose connection it is
     * @param externalUser the account at the service (Spotify user id, Last.fm user name), may be null
     * @param credentials  the secrets in plaintext, provider-defined (e.g. JSON of tokens), may be null
     * @param cursor       where the first poll starts (provider-defined), may be null
     * @param backfill     initial backfill progress (provider-defined JSON), or null for none
     * @param returnTo     a local path to send the browser to (OAuth callbacks started on the web page), or null
     */
    record Connected(long userId, String externalUser, String credentials, boolean pull, boolean mirror,
            String cursor, String backfill, String returnTo) implements ConnectResult {}

    /** Send the user's browser to the service's authorize page; the callback completes the connection. */
    record Redirect(String authorizeUrl) implements ConnectResult {}
}
