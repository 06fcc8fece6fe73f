package org.tonearm.identity;

import java.util.Optional;

/**
 * The credential checks of the legacy scrobbling protocols (Last.fm 2.0 {@code auth.getMobileSession},
 * Audioscrobbler 1.2 handshake), which authenticate on their own terms and answer in their own error formats.
 *
 * <p>Two of the schemes only ever show us md5 digests ({@code authToken = md5(username + md5(secret))}, Audioscrobbler
 * {@code a = md5(md5(secret) + timestamp)}). A bcrypt password hash cannot check those, so they work with a personal
 * API token as the secret only: API tokens also keep md5(token) (docs/api.md#accounts-and-authentication), which is harmless for a random 256-bit
 * token and never done for a password.
 */
public interface LegacyCredentialVerifier {

    /**
     * Who logged in and how: {@code apiTokenId} is the API token used as the secret (null for the account password),
     * so that a protocol session obtained with a token ends when the token is deleted.
     */
    record LegacyLogin(AuthenticatedUser user, Long apiTokenId) {}

    /** A plain {@code password}: the account password (bcrypt) or one of the user's API tokens. */
    Optional<LegacyLogin> password(String username, String password);

    /** Last.fm's legacy {@code authToken}: md5(lower-case username + md5(API token)), hex. */
    Optional<LegacyLogin> lastfmAuthToken(String username, String authToken);

    /** Audioscrobbler 1.2 token auth: md5(md5(API token) + timestamp), hex. */
    Optional<LegacyLogin> audioscrobblerToken(String username, String timestamp, String authToken);

    /**
     * Whether a protocol session of {@code userId} obtained with {@code apiTokenId} (null: the password) may still be
     * used: the user exists and is not disabled, and the API token, if any, still exists.
     */
    boolean stillValid(long userId, Long apiTokenId);
}
