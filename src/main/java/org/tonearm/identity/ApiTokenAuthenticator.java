package org.tonearm.identity;

import java.util.Optional;

/**
 * Checks a personal API token, for the compatibility protocols that authenticate on their own terms
 * (ListenBrainz {@code validate-token}, {@code Authorization: Token ...}) and answer in their own error format.
 */
public interface ApiTokenAuthenticator {

    /**
     * The token's owner with the token's scopes; empty when the token is unknown, deleted or its owner disabled.
     * May record the token's last use (a write, at most once a minute), so do not call it inside
     * {@code Database.read}.
     */
    Optional<AuthenticatedUser> authenticate(String token);
}
