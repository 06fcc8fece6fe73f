package org.tonearm.integrations.internal.connection;

import org.springframework.beans.factory.annotation.Qualifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.tonearm.shared.TonearmException;

/**
 * OAuth 2.0 authorization-code flows with PKCE for providers that redirect (Spotify): the {@code state} (RFC 6749
 * §10.12) is 256 random bits, valid {@link #VALIDITY 10 minutes}, single use and bound to the user who started the
 * flow; the code verifier (RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 -._~]) is 64 random bytes in base64url,
 * its S256 challenge goes to the authorize URL. Kept in the database (sealed), so the callback may reach any node.
 */
@Component
public class OAuthStates {

    /** Issue 13 item 2: "state valid 10 minutes". */
    public static final Duration VALIDITY = Duration.ofMinutes(10);

    /** A started flow: {@code state} and {@code challenge} go into the authorize URL. */
    public record Started(String state, String challenge) {}

    private final ConnectionStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuthStates(ConnectionStore store, @Qualifier("integrationsClock") Clock integrationsClock) {
        this.store = store;
        this.clock = integrationsClock;
    }

    public Started start(long userId, String service, String redirectUri, String returnTo) {
        String state = randomToken(32);
        String verifier = randomToken(64);
        store.pendingAuthorization(sha256Hex(state), new ConnectionStore.PendingAuthorization(userId, service,
                verifier, redirectUri, returnTo, clock.millis() + VALIDITY.toMillis()));
        return new Started(state, base64Url(sha256(verifier.getBytes(StandardCharsets.US_ASCII))));
    }

    /**
     * Takes the flow of {@code state} once. Refused (400 naming {@code state}) when unknown, already used, expired, for
     * another service, or started by another user than the authenticated caller ({@code userId} non-null).
     */
    public ConnectionStore.PendingAuthorization take(String state, String service, Long userId) {
        if (state == null || state.isBlank()) {
            throw TonearmException.invalid("state", "is required");
        }
        ConnectionStore.PendingAuthorization pending = store.takeAuthorization(sha256Hex(state))
                .orElseThrow(() -> TonearmException.invalid("state", "is unknown or was already used: connect again"));
        if (pending.expiresAt() < clock.millis()) {
            throw TonearmException.invalid("state", "expired (valid " + VALIDITY.toMinutes() + " minutes): connect again");
        }
        if (!pending.service().equals(service) || (userId != null && userId != pending.userId())) {
            throw TonearmException.invalid("state", "does not belong to this connection: connect again");
        }
        return pending;
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return base64Url(b);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }
}
