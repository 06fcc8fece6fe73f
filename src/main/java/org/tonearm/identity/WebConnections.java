package org.tonearm.identity;

import java.util.List;

/**
 * Personal API tokens and user administration for the web UI (docs/web.md): the same rules and messages as
 * {@code /api/v1/me/tokens} and {@code /api/v1/admin/*} (docs/api.md#accounts-and-authentication). Callers decide who
 * may call the admin methods (the web's {@code /admin} pages need ADMIN).
 */
public interface WebConnections {

    /** A token as listed; its value is shown only once, in {@link CreatedToken}. Times are epoch milliseconds. */
    record Token(long id, String name, List<String> scopes, long createdAt, Long lastUsedAt) {}

    record CreatedToken(Token token, String value) {}

    /** {@code scopes} null: every scope. */
    CreatedToken createToken(long userId, String name, List<String> scopes);

    List<Token> tokens(long userId);

    void revokeToken(long userId, long tokenId);

    record AdminUser(long id, String username, String email, String displayName, String role, boolean disabled,
            long createdAt) {}

    /** The first {@code limit} accounts (max 500) and how many there are. */
    record UserPage(List<AdminUser> users, int total) {}

    UserPage users(int limit, int offset);

    AdminUser setDisabled(long userId, boolean disabled);

    /** {@code role}: USER or ADMIN (VALIDATION_ERROR otherwise); the last admin cannot lose the role. */
    AdminUser setRole(long userId, String role);

    /** {@code code} only right after creation. {@code usedBy} the account that registered with it. */
    record Invite(long id, String code, String note, long createdAt, long expiresAt, Long usedBy) {}

    Invite createInvite(long adminId, String note, Long validForDays);

    List<Invite> invites();

    void deleteInvite(long id);

    /** {@code open}, {@code invite} or {@code closed}. */
    String registrationMode();

    /** {@code mode} null or blank: back to the configured default. */
    String setRegistrationMode(String mode);
}
