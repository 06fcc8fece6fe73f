package org.tonearm.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.tonearm.identity.Access;
import org.tonearm.identity.Credential;
import org.tonearm.identity.internal.config.OidcProperties;
import org.tonearm.identity.internal.oidc.OidcLoginService;

/**
 * OpenID Connect login (docs/api.md#accounts-and-authentication), public endpoints:
 * <ul>
 *   <li>{@code GET /providers}: what to show on login buttons;</li>
 *   <li>{@code GET /{provider}/authorize}: 302 to the provider (state, nonce, PKCE S256);</li>
 *   <li>{@code GET /{provider}/callback?code&state}: where the provider sends the browser back; answers with the
 *       same body as {@code POST /api/v1/auth/login} (docs/api.md#accounts-and-authentication).</li>
 * </ul>
 * Decision, how the tokens reach the client: the callback's own response carries them, as JSON, marked
 * {@code Cache-Control: no-store} (as RFC 6749 §5.1 asks of token responses). They never appear in a URL (no
 * history, log or Referer leak), and the code and state in the callback URL are single use. A client that runs the
 * flow (a script, an app's embedded browser) reads that response; a login begun on the web login page (its routing
 * cookie {@link #WEB_LOGIN_COOKIE}) is handed back to the web, which finishes it into its session (docs/web.md#openid-connect). A hand-off to a front-end on another origin (a one-time code exchanged by a POST) is
 * not built.
 */
@Access(credential = Credential.NONE)
@RestController
@RequestMapping("/api/v1/auth/oidc")
class OidcController {

    private static final String CALLBACK = "/api/v1/auth/oidc/{provider}/callback";

    /** Set by the web's {@code /login/oidc/{provider}} before it sends the browser here (same name there). */
    static final String WEB_LOGIN_COOKIE = "tonearm_oidc_web";

    private final OidcLoginService logins;
    private final LoginRateLimit loginLimit;
    private final String callbackBaseUrl;

    OidcController(OidcLoginService logins, LoginRateLimit loginLimit, OidcProperties properties) {
        this.logins = logins;
        this.loginLimit = loginLimit;
        this.callbackBaseUrl = properties.callbackBaseUrl();
    }

    record ProviderItem(String id, String displayName, String authorizeUrl) {}

    record Providers(List<ProviderItem> providers) {}

    @Operation(operationId = "listOidcProviders", summary = "The configured OpenID Connect providers")
    @GetMapping("/providers")
    Providers providers() {
        return new Providers(logins.providers().stream().map(p -> new ProviderItem(p.id(), p.displayName(),
                "/api/v1/auth/oidc/" + p.id() + "/authorize")).toList());
    }

    @Operation(operationId = "startOidcLogin", summary = "Start a login with an OpenID Connect provider (redirect)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "302",
            description = "A redirect (Location) to the provider's login page")
    @GetMapping("/{provider}/authorize")
    ResponseEntity<Void> authorize(@PathVariable String provider, HttpServletRequest request) {
        // each call stores a pending login: bounded per address like password logins
        loginLimit.check(request);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(logins.begin(provider, callbackUrl(provider)))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    @Operation(operationId = "finishOidcLogin", summary = "Finish an OpenID Connect login: a login session")
    @GetMapping("/{provider}/callback")
    ResponseEntity<SessionResponse> callback(@PathVariable String provider,
            @RequestParam(required = false) String code, @RequestParam(required = false) String state,
            @RequestParam(required = false) String error, HttpServletRequest request) {
        if (hasCookie(request, WEB_LOGIN_COOKIE)) {
            // begun from the web login page (docs/web.md#openid-connect): the web finishes it into its session; the
            // code and state are not used here, so they stay single use there. The cookie is only a routing hint.
            return ResponseEntity.status(HttpStatus.FOUND).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.SET_COOKIE, ResponseCookie.from(WEB_LOGIN_COOKIE, "").path("/").maxAge(0)
                            .httpOnly(true).sameSite("Lax").build().toString())
                    .location(UriComponentsBuilder.fromPath("/login/oidc/{provider}/callback")
                            .queryParamIfPresent("code", java.util.Optional.ofNullable(code))
                            .queryParamIfPresent("state", java.util.Optional.ofNullable(state))
                            .queryParamIfPresent("error", java.util.Optional.ofNullable(error))
                            .buildAndExpand(provider).encode().toUri())
                    .build();
        }
        loginLimit.check(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .body(SessionResponse.of(logins.complete(provider, code, state, error)));
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        return request.getCookies() != null
                && java.util.Arrays.stream(request.getCookies()).anyMatch(c -> c.getName().equals(name));
    }

    /** The redirect_uri registered at the provider: {@code <base>/api/v1/auth/oidc/<id>/callback}. */
    private String callbackUrl(String provider) {
        String path = CALLBACK.replace("{provider}", provider);
        return callbackBaseUrl != null ? callbackBaseUrl + path
                : ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }
}
