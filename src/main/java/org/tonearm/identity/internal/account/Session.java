package org.tonearm.identity.internal.account;

import org.tonearm.identity.Role;

/** What a successful register, login or refresh hands out (docs/api.md#accounts-and-authentication). */
public record Session(long userId, String username, Role role, String accessToken, String refreshToken,
        long expiresInSeconds) {}
