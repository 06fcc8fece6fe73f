package org.tonearm.compat.lastfm;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tonearm.compat.lastfm.ProtocolSessions.Protocol;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAuthTokenRepository;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAuthTokenRepository.AuthTokenRow;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.LegacyCredentialVerifier;
import org.tonearm.identity.LegacyCredentialVerifier.LegacyLogin;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.UserDirectory;

/**
 * auth.getMobileSession, auth.getToken and auth.getSession (https://www.last.fm/api/mobileauth,
 * https://www.last.fm/api/desktopauth). The secret is the account password or one of the user's API tokens; the
 * legacy {@code authToken = md5(username + md5(secret))} only works with an API token (see LegacyCredentialVerifier).
 */
@Component
class LastfmAuthMethods {

    /** auth.getToken: "Tokens are valid for 60 minutes from the moment they are granted." */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LegacyCredentialVerifier credentials;
    private final ProtocolSessions sessions;
    private final JooqLastfmAuthTokenRepository authTokens;
    private final UserDirectory users;

    LastfmAuthMethods(LegacyCredentialVerifier credentials, ProtocolSessions sessions,
            JooqLastfmAuthTokenRepository authTokens, UserDirectory users) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.authTokens = authTokens;
        this.users = users;
    }

    Lfm getMobileSession(LastfmCall call) {
        LastfmParams p = call.params();
        String username = p.require("username");
        String password = p.text("password");
        String authToken = p.text("authToken");
        if (password == null && authToken == null) {
            throw LastfmException.missing("password");
        }
        Optional<LegacyLogin> login = password != null
                ? credentials.password(username, password)
                : credentials.lastfmAuthToken(username, authToken);
        LegacyLogin ok = login.orElseThrow(() -> new LastfmException(LastfmError.AUTHENTICATION_FAILED,
                "Authentication Failed - Invalid username or password"));
        return LastfmResponses.session(ok.user().username(), sessions.open(ok, Protocol.LASTFM, call.client()));
    }

    Lfm getToken(LastfmCall call) {
        return LastfmResponses.token(issueToken(call.params().text("api_key")));
    }

    /** A new request token: by auth.getToken, or by the approval page itself in the web flow ({@code cb}). */
    String issueToken(String apiKey) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        long now = System.currentTimeMillis();
        authTokens.deleteCreatedBefore(now - TOKEN_LIFETIME.toMillis());
        authTokens.insert(LegacyDigests.sha256Hex(token), apiKey == null ? "" : apiKey, now);
        return token;
    }

    Lfm getSession(LastfmCall call) {
        AuthTokenRow row = findLive(call.params().require("token"));
        if (row.userId() == null) {
            throw new LastfmException(LastfmError.UNAUTHORIZED_TOKEN);
        }
        if (!authTokens.delete(row.id())) {
            throw new LastfmException(LastfmError.AUTHENTICATION_FAILED, "Invalid authentication token supplied");
        }
        var profile = users.findById(row.userId())
                .orElseThrow(() -> new LastfmException(LastfmError.AUTHENTICATION_FAILED));
        // approved in the browser with the account password (or a token with every scope: see LastfmApprovalPage)
        LegacyLogin login = new LegacyLogin(new AuthenticatedUser(profile.id(), profile.username(), profile.role(),
                Scopes.ALL, true), null);
        return LastfmResponses.session(profile.username(), sessions.open(login, Protocol.LASTFM, call.client()));
    }

    /** A token that was issued and is not older than 60 minutes; error 4 if unknown, 15 if expired. */
    AuthTokenRow findLive(String token) {
        AuthTokenRow row = authTokens.find(LegacyDigests.sha256Hex(token.trim()))
                .orElseThrow(() -> new LastfmException(LastfmError.AUTHENTICATION_FAILED,
                        "Invalid authentication token supplied"));
        if (row.createdAt() < System.currentTimeMillis() - TOKEN_LIFETIME.toMillis()) {
            throw new LastfmException(LastfmError.TOKEN_EXPIRED);
        }
        return row;
    }
}
