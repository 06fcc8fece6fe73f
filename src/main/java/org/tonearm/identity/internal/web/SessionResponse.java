package org.tonearm.identity.internal.web;

import org.tonearm.identity.internal.account.Session;

/** {@code {user:{id, username, role}, access_token, refresh_token, token_type:"Bearer", expires_in}} (docs/api.md#accounts-and-authentication). */
record SessionResponse(UserSummary user, String accessToken, String refreshToken, String tokenType, long expiresIn) {

    record UserSummary(long id, String username, String role) {}

    static SessionResponse of(Session s) {
        return new SessionResponse(new UserSummary(s.userId(), s.username(), s.role().name()), s.accessToken(),
                s.refreshToken(), "Bearer", s.expiresInSeconds());
    }
}
