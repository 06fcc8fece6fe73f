package org.tonearm.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.Credential;
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

    @Access(credential = Credential.ANY)
    @Operation(operationId = "getMyAccount", summary = "Your account and profile settings")
    @GetMapping
    MeResponse me() {
        return MeResponse.of(profiles.get(CurrentUser.get().id()));
    }

    /** Changing the account (e.g. its email, which can reset a password later) needs a login, not an API token. */
    @Access(credential = Credential.SESSION)
    @Operation(operationId = "updateMyProfile", summary = "Change your display name, email, timezone, week start or profile visibility")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(
                    implementation = ProfilePatchReader.Patch.class)))
    @PatchMapping
    MeResponse update(@RequestBody JsonNode body) {
        long userId = CurrentUser.get().id();
        return MeResponse.of(profiles.update(userId, ProfilePatchReader.read(body)));
    }

    /** Needs the current password; ends every other session and answers a fresh one for this device (docs/api.md#accounts-and-authentication). */
    @Access(credential = Credential.SESSION)
    @Operation(operationId = "changeMyPassword", summary = "Change your password (ends your other sessions)")
    @PostMapping("/password")
    SessionResponse changePassword(@RequestBody AuthRequests.ChangePassword body) {
        long userId = CurrentUser.get().id();
        return SessionResponse.of(credentials.changePassword(userId, body.currentPassword(), body.newPassword()));
    }

    /** Deletes the account and all of its data; confirmed with the password. */
    @Access(credential = Credential.SESSION)
    @Operation(operationId = "deleteMyAccount", summary = "Delete your account and all of its data")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@RequestBody(required = false) AuthRequests.DeleteAccount body) {
        long userId = CurrentUser.get().id();
        credentials.deleteOwnAccount(userId, body == null ? null : body.password());
    }
}
