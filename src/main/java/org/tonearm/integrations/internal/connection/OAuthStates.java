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
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tonearm.shared.TonearmException;

/**
 * OAuth 2.0 authorization-code flows with PKCE for providers that redirect (Spotify): the {@code state} (RFC 6749
 * §10.12) is 256 random bits, valid {@link #VALIDITY 10 minutes}, single use and bound to the user who started the
 * flow; the code verifier (RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 -._~]) is 64 random bytes in base64url,
 * its S256 challenge goes to the authorize URL. Kept in the database (sealed), so the callback may reach any node.
 *
 * <p>Issue 13 (security, RFC 6749 §10.12, RFC 9700 §4.7): a flow completes only in the browser that started it. The
 * browser holds a random 256-bit nonce in a short-lived cookie ({@link org.tonearm.integrations.OAuthBrowserBinding});
 * the state row keeps only its SHA-256, and the callback refuses a missing or different nonce. A flow started through
 * the API (no browser) is handed out as this instance's start page, which binds the browser of the same signed-in web
 * user before sending it to the provider (docs/api.md#connections).
 */
@Component
public class OAuthStates {

    /** Issue 13 item 2: "state valid 10 minutes". */
    public static final Duration VALIDITY = Duration.ofMinutes(10);

    /** A started flow: {@code state} and {@code challenge} go into the authorize URL. */
    public record Started(String state, String challenge, boolean bound) {}

    private final ConnectionStore store;
    private final Clock clock;
    private final CallbackUrls urls;
    private final MessageSource messages;
    private final SecureRandom random = new SecureRandom();

    OAuthStates(ConnectionStore store, @Qualifier("integrationsClock") Clock integrationsClock, CallbackUrls urls,
            MessageSource messages) {
        this.store = store;
        this.clock = integrationsClock;
        this.urls = urls;
        this.messages = messages;
    }

    /**
     * @param browserNonce the nonce of the starting browser's binding cookie, or null when started through the API
     *                     (then the flow is bound later by {@link #bindBrowser})
     */
    public Started start(long userId, String service, String redirectUri, String returnTo, String browserNonce) {
        String state = randomToken(32);
        String verifier = randomToken(64);
        store.pendingAuthorization(sha256Hex(state), new ConnectionStore.PendingAuthorization(userId, service,
                verifier, redirectUri, returnTo, clock.millis() + VALIDITY.toMillis(),
                browserNonce == null ? null : sha256Hex(browserNonce)));
        return new Started(state, base64Url(sha256(verifier.getBytes(StandardCharsets.US_ASCII))), browserNonce != null);
    }

    /**
     * The URL to send the user to: the provider's consent URL when a browser is bound already; otherwise (API) it is
     * kept with the state and the answer is this instance's start page, which only the same signed-in web user can
     * open (an API caller's link sent to someone else completes nothing).
     */
    public String handOut(Started started, String service, String providerUrl) {
        if (started.bound()) {
            return providerUrl;
        }
        store.authorizeUrl(sha256Hex(started.state()), providerUrl);
        return urls.startPage(service, started.state());
    }

    /** Binds the user's own API-started flow to this browser's nonce once; answers the provider's consent URL. */
    public String bindBrowser(long userId, String service, String state, String browserNonce) {
        if (state == null || state.isBlank()) {
            throw refused("services.flow.stateRequired");
        }
        return store.bindBrowser(sha256Hex(state), userId, service, sha256Hex(browserNonce), clock.millis())
                .orElseThrow(() -> refused("services.flow.startRefused"));
    }

    /**
     * Takes the flow of {@code state} once. Refused (400 naming {@code state}) when unknown, already used, expired, for
     * another service, started by another user than the authenticated caller ({@code userId} non-null), or when the
     * browser does not bring the binding nonce of the flow (the state is consumed all the same: issue 13).
     */
    public ConnectionStore.PendingAuthorization take(String state, String service, Long userId, String browserNonce) {
        if (state == null || state.isBlank()) {
            throw refused("services.flow.stateRequired");
        }
        ConnectionStore.PendingAuthorization pending = store.takeAuthorization(sha256Hex(state))
                .orElseThrow(() -> refused("services.flow.unknown"));
        if (pending.expiresAt() < clock.millis()) {
            throw refused("services.flow.expired", VALIDITY.toMinutes());
        }
        if (!pending.service().equals(service) || (userId != null && userId != pending.userId())) {
            throw refused("services.flow.foreign");
        }
        // RFC 9700 §4.7: only the browser that started the flow may complete it; constant-time comparison
        if (pending.browserBindingHash() == null || browserNonce == null || !MessageDigest.isEqual(
                pending.browserBindingHash().getBytes(StandardCharsets.US_ASCII),
                sha256Hex(browserNonce).getBytes(StandardCharsets.US_ASCII))) {
            throw refused("services.flow.otherBrowser");
        }
        return pending;
    }

    /**
     * A 400 naming {@code state}, in the language of the request (the web's locale: its cookie, else Accept-Language,
     * else English; docs/web.md#languages): the browser a user completes a flow in shows the words, both on the start
     * page and as the callback's problem detail. The texts are the messages bundles' {@code services.flow.*}.
     */
    private TonearmException refused(String key, Object... args) {
        return TonearmException.invalid("state", messages.getMessage(key, args, LocaleContextHolder.getLocale()));
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
