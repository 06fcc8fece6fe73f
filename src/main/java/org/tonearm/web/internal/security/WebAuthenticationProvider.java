package org.tonearm.web.internal.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.tonearm.identity.WebAccounts;
import org.tonearm.shared.TonearmException;

/**
 * The login form's check: username or email and password go to {@link WebAccounts#login}, i.e. the API's per-address
 * limit, lockout and bcrypt check (docs/api.md#accounts-and-authentication); no password logic lives here.
 */
final class WebAuthenticationProvider implements AuthenticationProvider {

    private final WebAccounts accounts;

    WebAuthenticationProvider(WebAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication form) {
        String address = form.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        try {
            return new WebAuthentication(accounts.login(form.getName(), String.valueOf(form.getCredentials()), address),
                    System.currentTimeMillis());
        } catch (TonearmException e) {
            throw new WebLoginFailure(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
