package org.tonearm.identity;

/**
 * The kind of credential a route accepts (docs/api.md#who-may-call-what). Declared once per route with
 * {@link Access}; the security layer and each protocol adapter enforce it from there.
 */
public enum Credential {
    /** Anyone; a credential, when sent, only identifies the caller (e.g. the owner of a private profile). */
    NONE,
    /** A login session: {@code Authorization: Bearer <JWT access token>}. Account management: a token handed to a
     *  scrobbling client must not be able to mint more tokens or change the account (least privilege). */
    SESSION,
    /** A personal API token ({@code Token <t>} or {@code Bearer <t>}): what the ListenBrainz protocol accepts. */
    API_TOKEN,
    /** A login session or an API token; an API token needs the route's scopes. */
    ANY,
    /** The protocol's own session key (Last.fm {@code sk}, Audioscrobbler {@code s}), which stands for an API token
     *  or a password login; the adapter resolves it and checks the route's scopes with {@link AccessRule}. */
    PROTOCOL_SESSION
}
