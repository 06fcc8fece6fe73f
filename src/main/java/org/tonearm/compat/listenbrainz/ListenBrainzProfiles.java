package org.tonearm.compat.listenbrainz;

import org.springframework.stereotype.Component;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;

/**
 * Whose listens and statistics a read endpoint may show (docs/api.md#accounts-and-authentication): a PUBLIC profile to anyone; a PRIVATE one only to
 * its owner's token with listens:read (statistics: stats:read or listens:read). Everyone else gets exactly the answer
 * for a user that does not exist ({@code 404 "Cannot find user: …"}, stats_api.py {@code _validate_stats_user_params}),
 * so a private account cannot be told apart from a missing one.
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
        return visible(userName, Scopes.LISTENS_READ);
    }

    /** For the statistics endpoints: the owner's token needs stats:read or listens:read. */
    UserProfile statsVisible(String userName) {
        return visible(userName, Scopes.STATS_READ, Scopes.LISTENS_READ);
    }

    private UserProfile visible(String userName, String... ownerScopes) {
        return users.findByUsername(userName)
                .filter(profile -> mayRead(profile, ownerScopes))
                .orElseThrow(() -> ListenBrainzApiException.notFound("Cannot find user: " + userName));
    }

    private boolean mayRead(UserProfile profile, String... ownerScopes) {
        if ("PUBLIC".equalsIgnoreCase(profile.profileVisibility())) {
            return true;
        }
        return auth.authenticated()
                .filter(caller -> caller.id() == profile.id())
                .filter(caller -> java.util.Arrays.stream(ownerScopes).anyMatch(caller::has))
                .isPresent();
    }
}
