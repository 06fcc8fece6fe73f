package org.tonearm.identity.internal.web;

import org.tonearm.identity.UserProfile;
import org.tonearm.shared.Instants;

/** {@code GET /api/v1/me} (docs/api.md#accounts-and-authentication). */
record MeResponse(long id, String username, String email, String displayName, String role, String timezone,
        String weekStart, String profileVisibility, String createdAt) {

    static MeResponse of(UserProfile p) {
        return new MeResponse(p.id(), p.username(), p.email(), p.displayName(), p.role().name(), p.timezone().getId(),
                p.weekStart().name(), p.profileVisibility(), Instants.format(p.createdAt()));
    }
}
