package org.tonearm.identity.internal.web;

/** Request bodies of {@code /api/v1/auth/*} and {@code /api/v1/me/*} (docs/api.md#accounts-and-authentication; snake_case on the wire). */
final class AuthRequests {

    private AuthRequests() {}

    /** {@code invite_code} is needed when registration is {@code invite}. */
    record Register(String username, String password, String email, String inviteCode) {}

    /** {@code username} may also hold the account's email address. */
    record Login(String username, String password) {}

    record Refresh(String refreshToken) {}

    record Logout(String refreshToken) {}

    record ChangePassword(String currentPassword, String newPassword) {}

    record DeleteAccount(String password) {}
}
