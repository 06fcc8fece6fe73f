package org.tonearm.compat.listenbrainz;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tonearm.identity.AccessRule;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;

/**
 * Whose listens and statistics a read endpoint may show (docs/api.md#accounts-and-authentication): a PUBLIC profile to anyone; a PRIVATE one only to
 * its owner's token with the route's scopes (its {@code @Access} declaration: listens:read; statistics: stats:read or listens:read). Everyone else gets exactly the answer
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

    /** The profile, if the caller may read it: the owner needs the route's scopes (its {@code @Access} rule). */
    UserProfile visible(String userName) {
        AccessRule rule = AccessRule.current(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest());
        return users.findByUsername(userName)
                .filter(profile -> mayRead(profile, rule))
                .orElseThrow(() -> ListenBrainzApiException.notFound("Cannot find user: " + userName));
    }

    private boolean mayRead(UserProfile profile, AccessRule rule) {
        if ("PUBLIC".equalsIgnoreCase(profile.profileVisibility())) {
            return true;
        }
        return auth.authenticated()
                .filter(caller -> caller.id() == profile.id())
                .filter(caller -> rule.scopesHeldBy(caller.scopes()))
                .isPresent();
    }
}
