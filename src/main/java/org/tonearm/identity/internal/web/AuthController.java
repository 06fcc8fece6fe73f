package org.tonearm.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.internal.account.AccountService;
import org.tonearm.identity.internal.account.CredentialService;
import org.tonearm.identity.internal.account.SessionService;

/** Register, login, refresh, logout (docs/api.md#accounts-and-authentication). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AccountService accounts;
    private final SessionService sessions;
    private final CredentialService credentials;
    private final LoginRateLimit loginLimit;

    AuthController(AccountService accounts, SessionService sessions, CredentialService credentials,
            LoginRateLimit loginLimit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.credentials = credentials;
        this.loginLimit = loginLimit;
    }

    @Access(credential = Credential.NONE)
    @Operation(operationId = "register", summary = "Create an account (the first one becomes the admin) and log in")
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    SessionResponse register(@RequestBody AuthRequests.Register body, HttpServletRequest request) {
        loginLimit.check(request);
        return SessionResponse.of(accounts.register(body.username(), body.password(), body.email(), body.inviteCode()));
    }

    @Access(credential = Credential.NONE)
    @Operation(operationId = "login", summary = "Log in with username and password: an access token and a refresh token")
    @PostMapping("/login")
    SessionResponse login(@RequestBody AuthRequests.Login body, HttpServletRequest request) {
        loginLimit.check(request);
        return SessionResponse.of(accounts.login(body.username(), body.password()));
    }

    @Access(credential = Credential.NONE)
    @Operation(operationId = "refreshSession", summary = "Exchange a refresh token for a new access token (the refresh token rotates)")
    @PostMapping("/refresh")
    SessionResponse refresh(@RequestBody AuthRequests.Refresh body) {
        return SessionResponse.of(sessions.refresh(body.refreshToken()));
    }

    /**
     * With {@code refresh_token}: ends that login (its refresh-token family). Without a body: ends every session of
     * the caller, access tokens included. A login session only: an API token has no session to end, and a
     * scrobbler's token must not be able to log its owner out everywhere.
     */
    @Access(credential = Credential.SESSION)
    @Operation(operationId = "logout", summary = "End this login session, or every session of the account")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody(required = false) AuthRequests.Logout body) {
        long userId = CurrentUser.get().id();
        if (body == null || body.refreshToken() == null || body.refreshToken().isBlank()) {
            credentials.endAllSessions(userId);
        } else {
            sessions.logout(userId, body.refreshToken());
        }
    }
}
