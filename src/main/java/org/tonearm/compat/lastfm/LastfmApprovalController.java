package org.tonearm.compat.lastfm;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAuthTokenRepository.AuthTokenRow;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAuthTokenRepository;
import org.tonearm.identity.Access;
import org.tonearm.identity.AccessRule;
import org.tonearm.identity.Credential;
import org.tonearm.identity.LegacyCredentialVerifier.LegacyLogin;
import org.tonearm.identity.LegacyCredentialVerifier;
import org.tonearm.identity.Scopes;

/**
 * The browser step of Last.fm's desktop/web auth flow (https://www.last.fm/api/desktopauth): the client fetches
 * auth.getToken, opens {@code <base>/api/auth/?api_key=…&token=…} (Last.fm's own path, so clients that only let the
 * host change work) or {@code /apis/lastfm/auth?…}; the user logs in here and approves; the client's auth.getSession
 * then gets the session key. Web applications use Last.fm's web flow instead
 * (https://www.last.fm/api/webauth): they open {@code /api/auth/?api_key=…&cb=<their url>} without a token; the page
 * issues one and, once the user approves, redirects to {@code cb} with {@code token=…} appended.
 *
 * <p>A server-rendered page without templates (compat does not use the web module), in the web UI's look: its stylesheet and header. CSRF: a double-submit token in an
 * HttpOnly, SameSite=Strict cookie and a hidden field, compared in constant time. Clickjacking: X-Frame-Options DENY
 * and CSP frame-ancestors 'none'. Nothing is cached, and no referrer leaks the token.
 */
@RestController
class LastfmApprovalController {

    static final String CSRF_COOKIE = "tonearm_lastfm_csrf";
    static final String STYLESHEET = "/css/app.css";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LastfmAuthMethods auth;
    private final JooqLastfmAuthTokenRepository authTokens;
    private final LegacyCredentialVerifier credentials;
    private final ObjectProvider<ResourceUrlProvider> resourceUrls;

    LastfmApprovalController(LastfmAuthMethods auth, JooqLastfmAuthTokenRepository authTokens,
            LegacyCredentialVerifier credentials, ObjectProvider<ResourceUrlProvider> resourceUrls) {
        this.auth = auth;
        this.authTokens = authTokens;
        this.credentials = credentials;
        this.resourceUrls = resourceUrls;
    }

    /** The web UI's stylesheet at its content-versioned URL (docs/web.md#speed), so the page has the web's look. */
    private String stylesheet() {
        ResourceUrlProvider urls = resourceUrls.getIfAvailable();
        String versioned = urls == null ? null : urls.getForLookupPath(STYLESHEET);
        return versioned == null ? STYLESHEET : versioned;
    }

    @Access(credential = Credential.NONE)
    @GetMapping({"/apis/lastfm/auth", "/apis/lastfm/auth/", "/api/auth", "/api/auth/"})
    ResponseEntity<String> form(@RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "cb", required = false) String cb) {
        String callback = callbackOrigin(cb) == null ? null : cb;
        if ((token == null || token.isBlank()) && callback != null) {
            token = auth.issueToken(apiKey);
        }
        if (live(token).isEmpty()) {
            return page(400, null, null, LastfmApprovalPage.unknownToken(stylesheet()));
        }
        String csrf = newCsrf();
        return page(200, csrf, callback, LastfmApprovalPage.form(stylesheet(), nz(apiKey), token, callback, csrf, null));
    }

    // the protocol's own credential: the password typed into the form; approving gives the application a session
    // with every scope, so a restricted API token typed as the password cannot do it
    @Access(credential = Credential.PROTOCOL_SESSION, scopes = {Scopes.LISTENS_WRITE, Scopes.LISTENS_READ, Scopes.STATS_READ})
    @PostMapping({"/apis/lastfm/auth", "/apis/lastfm/auth/", "/api/auth", "/api/auth/"})
    ResponseEntity<String> approve(HttpServletRequest request,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "cb", required = false) String cb,
            @RequestParam(name = "csrf", required = false) String csrf,
            @RequestParam(name = "username", required = false) String username,
            @RequestParam(name = "password", required = false) String password) {
        String callback = callbackOrigin(cb) == null ? null : cb;
        if (!csrfMatches(request, csrf)) {
            return page(403, null, null, LastfmApprovalPage.message(stylesheet(), "Request refused",
                    "This form expired or did not come from this page. Open the link from your application again."));
        }
        Optional<AuthTokenRow> row = live(token);
        if (row.isEmpty()) {
            return page(400, null, null, LastfmApprovalPage.unknownToken(stylesheet()));
        }
        AccessRule rule = AccessRule.current(request);
        Optional<LegacyLogin> login = credentials.password(username, password)
                .filter(l -> rule.scopesHeldBy(l.user().scopes()));
        if (login.isEmpty()) {
            String fresh = newCsrf();
            return page(401, fresh, callback, LastfmApprovalPage.form(stylesheet(), nz(apiKey), token, callback, fresh,
                    "Wrong username or password."));
        }
        if (!authTokens.approve(row.get().id(), login.get().user().id(), System.currentTimeMillis())) {
            return page(400, null, null, LastfmApprovalPage.unknownToken(stylesheet()));
        }
        if (callback != null) {
            // web flow: back to the application with the now approved token, which it exchanges via auth.getSession
            String target = callback + (callback.contains("?") ? "&" : "?") + "token=" + token;
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, target).cacheControl(CacheControl.noStore())
                    .build();
        }
        return page(200, null, null, LastfmApprovalPage.message(stylesheet(), "Access granted",
                "You can close this window and return to your application."));
    }

    private Optional<AuthTokenRow> live(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(auth.findLive(token));
        } catch (LastfmException e) {
            return Optional.empty();
        }
    }

    private static boolean csrfMatches(HttpServletRequest request, String field) {
        if (field == null || request.getCookies() == null) {
            return false;
        }
        for (Cookie c : request.getCookies()) {
            if (CSRF_COOKIE.equals(c.getName())) {
                return LegacyDigests.sameHex(c.getValue(), field);
            }
        }
        return false;
    }

    private static String newCsrf() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The origin of an http(s) callback URL, null for anything else (no javascript: or data: targets). */
    static String callbackOrigin(String cb) {
        if (cb == null || cb.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(cb.trim());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return null;
            }
            return scheme.toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<String> page(int status, String csrf, String callback, String html) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .cacheControl(CacheControl.noStore())
                .header("X-Frame-Options", "DENY")
                // form-action also governs the redirect after the post (web flow), so the callback's origin is allowed
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'"
                        + (callback == null ? "" : " " + callbackOrigin(callback)) + "; frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer");
        if (csrf != null) {
            b.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(CSRF_COOKIE, csrf).httpOnly(true).sameSite("Strict")
                    .path("/").maxAge(LastfmAuthMethods.TOKEN_LIFETIME).build().toString());
        }
        return b.body(html);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
