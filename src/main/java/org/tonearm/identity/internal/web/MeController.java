package org.tonearm.identity.internal.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.internal.account.ProfileService;
import tools.jackson.databind.JsonNode;

/** The caller's own account (SPEC §8). */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final ProfileService profiles;

    MeController(ProfileService profiles) {
        this.profiles = profiles;
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
}
