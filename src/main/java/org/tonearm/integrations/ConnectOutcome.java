package org.tonearm.integrations;

/**
 * The answer to connecting a service: {@code connected} with the connection, or {@code redirect} with the URL of the
 * service's authorization page to send the user to (OAuth: Spotify).
 */
public record ConnectOutcome(String status, ConnectionView connection, String authorizeUrl) {

    public static ConnectOutcome connected(ConnectionView connection) {
        return new ConnectOutcome("connected", connection, null);
    }

    public static ConnectOutcome redirect(String authorizeUrl) {
        return new ConnectOutcome("redirect", null, authorizeUrl);
    }
}
