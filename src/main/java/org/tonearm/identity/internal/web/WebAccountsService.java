package org.tonearm.identity.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.UserProfile;
import org.tonearm.identity.WebAccounts;
import org.tonearm.identity.internal.account.AccountService;
import org.tonearm.identity.internal.account.CredentialService;
import org.tonearm.identity.internal.account.ProfileService;
import org.tonearm.identity.internal.account.RegistrationPolicy;
import org.tonearm.identity.internal.account.Session;
import org.tonearm.identity.internal.account.SessionGuard;
import org.tonearm.identity.internal.oidc.OidcLoginService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web UI's way into accounts (docs/web.md). It sits next to the API controllers so that it runs exactly their
 * code: the per-address login limit ({@link LoginRateLimit}), {@link AccountService}'s lockout and password check,
 * and {@link ProfilePatchReader}'s validation of a {@code PATCH /api/v1/me} body, messages included. The sessions
 * {@link AccountService} starts (tokens) are not handed out: the web keeps its login in a session cookie.
 */
@Service
class WebAccountsService implements WebAccounts {

    private final AccountService accounts;
    private final CredentialService credentials;
    private final ProfileService profiles;
    private final RegistrationPolicy registration;
    private final SessionGuard guard;
    private final OidcLoginService oidc;
    private final LoginRateLimit loginLimit;
    private final JsonMapper json = JsonMapper.builder().build();

    WebAccountsService(AccountService accounts, CredentialService credentials, ProfileService profiles,
            RegistrationPolicy registration, SessionGuard guard, OidcLoginService oidc, LoginRateLimit loginLimit) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.profiles = profiles;
        this.registration = registration;
        this.guard = guard;
        this.oidc = oidc;
        this.loginLimit = loginLimit;
    }

    @Override
    public String registrationMode() {
        return registration.current().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public AuthenticatedUser login(String login, String password, String clientAddress) {
        loginLimit.check(clientAddress);
        return user(accounts.login(login, password));
    }

    @Override
    public AuthenticatedUser register(String username, String password, String email, String inviteCode,
            String clientAddress) {
        loginLimit.check(clientAddress);
        return user(accounts.register(username, password, blankToNull(email), blankToNull(inviteCode)));
    }

    @Override
    public AuthenticatedUser completeOidc(String provider, String code, String state, String error,
            String clientAddress) {
        loginLimit.check(clientAddress);
        return user(oidc.complete(provider, code, state, error));
    }

    @Override
    public UserProfile profile(long userId) {
        return profiles.get(userId);
    }

    @Override
    public UserProfile updateProfile(long userId, String displayName, String email, String timezone,
            String weekStart, String profileVisibility) {
        // the API's reader, so the page shows the API's messages; blank text fields clear, as null does there
        ObjectNode body = json.createObjectNode();
        body.put("display_name", blankToNull(displayName));
        body.put("email", blankToNull(email));
        body.put("timezone", timezone);
        body.put("week_start", weekStart);
        body.put("profile_visibility", profileVisibility);
        return profiles.update(userId, ProfilePatchReader.read(body));
    }

    @Override
    public AuthenticatedUser changePassword(long userId, String currentPassword, String newPassword) {
        return user(credentials.changePassword(userId, currentPassword, newPassword));
    }

    @Override
    public Optional<AuthenticatedUser> resume(AuthenticatedUser user, long loggedInAtMillis) {
        return guard.resume(user.id(), user.username(), loggedInAtMillis);
    }

    @Override
    public List<OidcOption> oidcProviders() {
        return oidc.providers().stream()
                .map(p -> new OidcOption(p.id(), p.displayName(), "/api/v1/auth/oidc/" + p.id() + "/authorize"))
                .toList();
    }

    private static AuthenticatedUser user(Session session) {
        return new AuthenticatedUser(session.userId(), session.username(), session.role(), Scopes.ALL, false);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
