package org.tonearm.compat.listenbrainz;

import org.springframework.stereotype.Component;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;

/**
 * Whose listens a read endpoint may show (SPEC §2): a PUBLIC profile to anyone; a PRIVATE one only to its owner's
 * token with listens:read. Everyone else gets exactly the answer for a user that does not exist, so a private
 * account cannot be told apart from a missing one.
 */
@Component
class ListenBrainzProfiles {

    private final UserDirectory users;
    private final ListenBrainzAuth auth;

    ListenBrainzProfiles(UserDirectory users, ListenBrainzAuth auth) {
        this.users = users;
        this.auth = auth;
    }

    UserProfile visible(String userName) {
        return users.findByUsername(userName)
                .filter(this::mayRead)
                .orElseThrow(() -> ListenBrainzApiException.notFound("Cannot find user: " + userName));
    }

    private boolean mayRead(UserProfile profile) {
        if ("PUBLIC".equalsIgnoreCase(profile.profileVisibility())) {
            return true;
        }
        return auth.authenticated()
                .filter(caller -> caller.id() == profile.id())
                .filter(caller -> caller.has(Scopes.LISTENS_READ))
                .isPresent();
    }
}
