package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tonearm.identity.WebAccounts;
import org.tonearm.shared.TonearmException;
import org.tonearm.web.internal.security.WebSignIn;

/**
 * OpenID Connect into the web session (docs/web.md#openid-connect). The login page's buttons come here; this sets a
 * short-lived routing cookie and sends the browser to the API's authorize endpoint, whose registered callback
 * ({@code /api/v1/auth/oidc/{provider}/callback}) stays the same for every client. Seeing the cookie, the callback
 * hands the untouched code and state back here, and the login finishes through {@link WebAccounts#completeOidc}
 * (the API's checks) with a new web session instead of the API's JSON tokens.
 */
@Controller
class OidcLoginController {

    /** The name identity's OidcController looks for. */
    static final String WEB_LOGIN_COOKIE = "tonearm_oidc_web";

    private final WebAccounts accounts;
    private final WebSignIn signIn;

    OidcLoginController(WebAccounts accounts, WebSignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @GetMapping("/login/oidc/{provider}")
    String begin(@PathVariable String provider, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(WEB_LOGIN_COOKIE, "1").path("/")
                .maxAge(Duration.ofMinutes(10)).httpOnly(true).sameSite("Lax").build().toString());
        return "redirect:" + UriComponentsBuilder.fromPath("/api/v1/auth/oidc/{provider}/authorize")
                .buildAndExpand(provider).encode().toUriString();
    }

    @GetMapping("/login/oidc/{provider}/callback")
    String complete(@PathVariable String provider, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            signIn.signIn(accounts.completeOidc(provider, code, state, error, request.getRemoteAddr()), request,
                    response);
            return "redirect:/";
        } catch (TonearmException e) {
            return "redirect:/login?oidc_error";
        }
    }
}
