package org.tonearm.integrations;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that binds an OAuth connect flow to the browser that started it (issue 13, security; RFC 6749 §10.12,
 * RFC 9700 §4.7): a random 256-bit nonce, one cookie per service so two flows in two tabs do not clash. HttpOnly;
 * SameSite=Lax so the browser still sends it on the top-level redirect back from Spotify / Last.fm; Secure on HTTPS;
 * Path the callback routes; Max-Age the state's 10 minutes. The state row keeps only the nonce's SHA-256.
 */
public final class OAuthBrowserBinding {

    /** The callback's parameter key the nonce is passed under (taken from the cookie only, never the query). */
    public static final String PARAM = "browser_binding";

    /** Issue 13: "Max-Age 600", the validity of the state. */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuthBrowserBinding() {}

    /** {@code tonearm_oauth_<service>}. */
    public static String cookieName(String service) {
        return "tonearm_oauth_" + service;
    }

    /** A new nonce: 256 random bits, base64url. */
    public static String newNonce() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The cookie holding {@code nonce}; {@code contextPath} of the request, {@code secure} when it came over HTTPS. */
    public static ResponseCookie cookie(String service, String nonce, String contextPath, boolean secure) {
        return builder(service, nonce, contextPath, secure).maxAge(MAX_AGE).build();
    }

    /** Deletes the cookie (after the callback used it, whatever its outcome). */
    public static ResponseCookie cleared(String service, String contextPath, boolean secure) {
        return builder(service, "", contextPath, secure).maxAge(Duration.ZERO).build();
    }

    private static ResponseCookie.ResponseCookieBuilder builder(String service, String value, String contextPath,
            boolean secure) {
        return ResponseCookie.from(cookieName(service), value).httpOnly(true).secure(secure).sameSite("Lax")
                .path((contextPath == null ? "" : contextPath) + "/api/v1/connections/" + service + "/");
    }
}
