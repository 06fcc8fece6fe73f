package org.tonearm.identity.internal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.internal.account.CredentialService;
import org.tonearm.identity.internal.account.ProfileService;
import tools.jackson.databind.JsonNode;

/** The caller's own account (docs/api.md#conventions). */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final ProfileService profiles;
    private final CredentialService credentials;

    MeController(ProfileService profiles, CredentialService credentials) {
        this.profiles = profiles;
        this.credentials = credentials;
    }

    @GetMapping
    MeResponse me() {
        return MeResponse.of(profiles.get(CurrentUser.get().id()));
    }

    /** Changing the account (e.g. its email, which can reset a password later) needs a login, not an API token. */
    @PatchMapping
    MeResponse update(@RequestBody JsonNode body) {
        long userId = SessionOnly.require().id();
        return MeResponse.of(profiles.update(userId, ProfilePatchReader.read(body)));
    }

    /** Needs the current password; ends every other session and answers a fresh one for this device (docs/api.md#accounts-and-authentication). */
    @PostMapping("/password")
    SessionResponse changePassword(@RequestBody AuthRequests.ChangePassword body) {
        long userId = SessionOnly.require().id();
        return SessionResponse.of(credentials.changePassword(userId, body.currentPassword(), body.newPassword()));
    }

    /** Deletes the account and all of its data; confirmed with the password. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@RequestBody(required = false) AuthRequests.DeleteAccount body) {
        long userId = SessionOnly.require().id();
        credentials.deleteOwnAccount(userId, body == null ? null : body.password());
    }
}
