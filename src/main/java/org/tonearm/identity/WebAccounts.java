package org.tonearm.identity;

import java.util.List;
import java.util.Optional;

/**
 * Accounts for the web UI (docs/web.md): the same rules, limits and messages as the account API
 * (docs/api.md#accounts-and-authentication), without tokens — the web module keeps the login in its session cookie.
 * Every method throws the API's {@link org.tonearm.shared.TonearmException}s (VALIDATION_ERROR with field errors
 * named like the API's JSON fields: {@code username}, {@code email}, {@code display_name}, {@code new_password}...),
 * so a page shows the very messages the API answers.
 */
public interface WebAccounts {

    /** {@code open}, {@code invite} or {@code closed}: whether the registration page offers a form. */
    String registrationMode();

    /**
     * Logs in with a username or an email address: the per-address login limit, the per-name lockout and the
     * password check of {@code POST /api/v1/auth/login}.
     */
    AuthenticatedUser login(String login, String password, String clientAddress);

    /**
     * {@code POST /api/v1/auth/register}: the first account of an empty instance becomes ADMIN whatever the
     * registration mode (the first-run page), later ones need OPEN or INVITE with {@code inviteCode}.
     */
    AuthenticatedUser register(String username, String password, String email, String inviteCode,
            String clientAddress);

    UserProfile profile(long userId);

    /**
     * {@code PATCH /api/v1/me} with every editable field present: a blank display name or email clears it.
     * {@code profileVisibility} is {@code private} or {@code public}, {@code weekStart} {@code monday}..{@code sunday}.
     */
    UserProfile updateProfile(long userId, String displayName, String email, String timezone, String weekStart,
            String profileVisibility);

    /**
     * {@code POST /api/v1/me/password}: every session of the user ends (the web session too: the caller logs the
     * user in again with the returned principal).
     */
    AuthenticatedUser changePassword(long userId, String currentPassword, String newPassword);

    /**
     * The user of a web session as the account is now: empty when the account is disabled or deleted, or when its
     * sessions were ended (password change, "log out everywhere") after {@code loggedInAtMillis}; the role is the
     * current one.
     */
    Optional<AuthenticatedUser> resume(AuthenticatedUser user, long loggedInAtMillis);

    /** A configured OpenID Connect provider and where its login starts ({@code GET .../authorize}). */
    record OidcOption(String id, String displayName, String authorizeUrl) {}

    List<OidcOption> oidcProviders();

    /**
     * Finishes an OpenID Connect login begun from the web login page: the callback's {@code code}, {@code state} and
     * {@code error} as {@code GET /api/v1/auth/oidc/{provider}/callback} takes them, with its checks (state, nonce,
     * PKCE, single use, account linking or creation) and per-address limit; the user to sign in.
     */
    AuthenticatedUser completeOidc(String provider, String code, String state, String error, String clientAddress);
}
