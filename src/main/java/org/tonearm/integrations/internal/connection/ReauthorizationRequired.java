package org.tonearm.integrations.internal.connection;

/**
 * The service refused the stored authorization for good (OAuth {@code invalid_grant}: the refresh token was revoked
 * or expired, a Last.fm session key withdrawn): the connection becomes {@code needs_reauth} and is not polled until
 * the user connects again. The user's Tonearm login is not touched (issue 13 item 2).
 */
public class ReauthorizationRequired extends RuntimeException {

    public ReauthorizationRequired(String message) {
        super(message);
    }
}
