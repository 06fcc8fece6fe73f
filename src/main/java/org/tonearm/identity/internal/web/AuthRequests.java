package org.tonearm.identity.internal.web;

/** Request bodies of {@code /api/v1/auth/*} (SPEC §8; snake_case on the wire). */
final class AuthRequests {

    private AuthRequests() {}

    record Register(String username, String password, String email) {}

    /** {@code username} may also hold the account's email address. */
    record Login(String username, String password) {}

    record Refresh(String refreshToken) {}

    record Logout(String refreshToken) {}
}
