package org.tonearm.compat.lastfm;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tonearm.compat.lastfm.internal.persistence.JooqProtocolSessionRepository;
import org.tonearm.identity.LegacyCredentialVerifier;
import org.tonearm.identity.LegacyCredentialVerifier.LegacyLogin;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;


/**
 * Session keys of the Last.fm 2.0 ({@code sk}) and Audioscrobbler 1.2 (handshake session id) protocols. A key is
 * 128 random bits as 32 hex characters (the shape of Last.fm's own keys); only its SHA-256 is stored. A session
 * lives until its API token is deleted or its user disabled (Last.fm session keys do not expire either).
 */
@Service
public class ProtocolSessions {

    public enum Protocol { LASTFM, AUDIOSCROBBLER }

    /** The user behind a session key, with the scopes of the credential that opened it. */
    public record SessionUser(long userId, String username, Set<String> scopes, String client, UserProfile profile) {
        public boolean has(String scope) {
            return scopes.contains(scope);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 16;

    private final JooqProtocolSessionRepository sessions;
    private final LegacyCredentialVerifier credentials;
    private final UserDirectory users;

    public ProtocolSessions(JooqProtocolSessionRepository sessions, LegacyCredentialVerifier credentials,
            UserDirectory users) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.users = users;
    }

    /** Opens a session for a verified login and returns its key (shown once, to the client). */
    public String open(LegacyLogin login, Protocol protocol, String client) {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        sessions.insert(login.user().id(), LegacyDigests.sha256Hex(key), protocol.name(), login.apiTokenId(),
                login.user().scopes().stream().sorted().toList(), client, System.currentTimeMillis());
        return key;
    }

    public Optional<SessionUser> resolve(String key, Protocol protocol) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String hash = LegacyDigests.sha256Hex(key.trim());
        return sessions.find(hash, protocol.name())
                .filter(row -> {
                    if (credentials.stillValid(row.userId(), row.apiTokenId())) {
                        return true;
                    }
                    sessions.delete(hash); // its token was deleted or its user disabled: the key is dead for good
                    return false;
                })
                .flatMap(row -> users.findById(row.userId()).map(profile -> new SessionUser(row.userId(),
                        profile.username(), Set.copyOf(row.scopes()), row.client(), profile)));
    }
}
