package org.tonearm.compat.lastfm;

import java.util.Optional;
import org.tonearm.compat.lastfm.ProtocolSessions.SessionUser;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAppRepository.AppRow;
import org.tonearm.identity.AccessRule;

/**
 * One Last.fm API call after the api_key/api_sig gate and the method's access rule (LastfmController): its
 * parameters, the registered app (or null), the method's rule and the caller's session (null when the method
 * takes none or none was sent).
 */
record LastfmCall(LastfmParams params, AppRow app, AccessRule rule, SessionUser session) {

    LastfmCall(LastfmParams params, AppRow app) {
        this(params, app, null, null);
    }

    LastfmCall admitted(AccessRule accessRule, SessionUser caller) {
        return new LastfmCall(params, app, accessRule, caller);
    }

    /** The caller of a method that needs a session (its rule was checked before the method ran). */
    SessionUser user() {
        if (session == null) {
            throw new IllegalStateException("Last.fm method without a session in its access rule");
        }
        return session;
    }

    Optional<SessionUser> caller() {
        return Optional.ofNullable(session);
    }

    /** The client name stored with listens: the registered app's name, else unknown. */
    String client() {
        return app == null ? null : app.name();
    }
}
