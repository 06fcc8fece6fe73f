package org.tonearm.compat.lastfm;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tonearm.compat.lastfm.ProtocolSessions.SessionUser;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;

/**
 * Whose data a read method may show (docs/api.md#accounts-and-authentication, issue #5 item 4, issue #11 item 3): the {@code user} parameter
 * (default: the session's user). A PUBLIC profile answers to anyone; a PRIVATE one only to its own session holding
 * one of the method's scopes; anyone else is answered exactly as if the user did not exist — error 6 "User not
 * found", what Last.fm answers for an unknown user. Decision: not error 17 ("User must be logged in", Last.fm's
 * answer for a real user's hidden data), because that would tell a private account apart from a missing one.
 */
@Component
class LastfmProfiles {

    private final UserDirectory users;

    LastfmProfiles(UserDirectory users) {
        this.users = users;
    }

    /** The owner sees a PRIVATE profile with a session that holds the method's scopes (its access rule). */
    UserProfile visible(LastfmCall call) {
        Optional<SessionUser> caller = call.caller();
        String name = call.params().text("user");
        if (name == null) {
            name = caller.map(SessionUser::username).orElseThrow(() -> LastfmException.missing("user"));
        }
        UserProfile target = users.findByUsername(name.trim()).orElseThrow(LastfmException::userNotFound);
        boolean own = caller.filter(c -> c.userId() == target.id() && call.rule().scopesHeldBy(c.scopes()))
                .isPresent();
        if (!own && !"PUBLIC".equals(target.profileVisibility())) {
            throw LastfmException.userNotFound();
        }
        return target;
    }
}
