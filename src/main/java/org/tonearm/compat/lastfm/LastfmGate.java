package org.tonearm.compat.lastfm;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tonearm.compat.lastfm.ProtocolSessions.Protocol;
import org.tonearm.compat.lastfm.ProtocolSessions.SessionUser;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAppRepository.AppRow;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAppRepository;
import org.tonearm.identity.AccessRule;

/**
 * Who may call: the api_key and api_sig rules, then the session key.
 * <ul>
 *   <li>an api_key registered in Tonearm: its api_sig is verified (wrong or missing on a signed method: error 13);</li>
 *   <li>any other api_key (clients ship their own built-in keys, which Tonearm cannot know): accepted, the session
 *       key alone authenticates — unless the operator set {@code tonearm.compat.lastfm.require-signatures};</li>
 *   <li>no api_key at all: error 10, as Last.fm answers.</li>
 * </ul>
 */
@Component
class LastfmGate {

    private final JooqLastfmAppRepository apps;
    private final ProtocolSessions sessions;
    private final boolean requireSignatures;

    LastfmGate(JooqLastfmAppRepository apps, ProtocolSessions sessions, LastfmProperties properties) {
        this.apps = apps;
        this.sessions = sessions;
        this.requireSignatures = properties.requireSignatures();
    }

    LastfmCall admit(LastfmParams params, boolean signedMethod) {
        String apiKey = params.text("api_key");
        if (apiKey == null) {
            throw new LastfmException(LastfmError.INVALID_API_KEY);
        }
        AppRow app = apps.findByApiKey(apiKey.trim()).orElse(null);
        if (app == null) {
            if (requireSignatures) {
                throw new LastfmException(LastfmError.INVALID_API_KEY);
            }
            return new LastfmCall(params, null);
        }
        boolean sigPresent = params.text("api_sig") != null;
        if ((signedMethod || sigPresent || requireSignatures) && !LastfmSignature.verify(params.values(), app.secret())) {
            throw new LastfmException(LastfmError.INVALID_SIGNATURE);
        }
        return new LastfmCall(params, app);
    }

    /** The session of {@code sk}; error 9 when it is missing, unknown or revoked. */
    SessionUser requireSession(LastfmCall call) {
        return optionalSession(call).orElseThrow(() -> new LastfmException(LastfmError.INVALID_SESSION_KEY));
    }

    /** For read methods: no sk is anonymous, a bad sk is still error 9 (the client must re-authenticate). */
    Optional<SessionUser> optionalSession(LastfmCall call) {
        String sk = call.params().text("sk");
        if (sk == null) {
            return Optional.empty();
        }
        return Optional.of(sessions.resolve(sk, Protocol.LASTFM)
                .orElseThrow(() -> new LastfmException(LastfmError.INVALID_SESSION_KEY)));
    }

    /** The method's access rule applied to its session key (LastfmController): error 9 without a valid one,
     *  error 4 when the API token behind the session lacks the rule's scopes. */
    SessionUser requireSession(LastfmCall call, AccessRule rule) {
        SessionUser user = requireSession(call);
        if (!rule.scopesHeldBy(user.scopes())) {
            throw new LastfmException(LastfmError.AUTHENTICATION_FAILED,
                    "Authentication Failed - The API token behind this session lacks the scope "
                            + String.join(rule.anyScope() ? " or " : " and ", rule.scopes()));
        }
        return user;
    }
}
