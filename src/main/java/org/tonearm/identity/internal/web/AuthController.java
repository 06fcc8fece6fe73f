package org.tonearm.identity.internal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.internal.account.AccountService;
import org.tonearm.identity.internal.account.SessionService;

/** Register, login, refresh, logout (SPEC §8). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AccountService accounts;
    private final SessionService sessions;

    AuthController(AccountService accounts, SessionService sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    SessionResponse register(@RequestBody AuthRequests.Register body) {
        return SessionResponse.of(accounts.register(body.username(), body.password(), body.email()));
    }

    @PostMapping("/login")
    SessionResponse login(@RequestBody AuthRequests.Login body) {
        return SessionResponse.of(accounts.login(body.username(), body.password()));
    }

    @PostMapping("/refresh")
    SessionResponse refresh(@RequestBody AuthRequests.Refresh body) {
        return SessionResponse.of(sessions.refresh(body.refreshToken()));
    }

    /** Without a body every refresh token of the caller is revoked; access tokens simply run out (1 h). */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody(required = false) AuthRequests.Logout body) {
        sessions.logout(CurrentUser.get().id(), body == null ? null : body.refreshToken());
    }
}
