package org.tonearm.identity.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.tonearm.identity.RateLimitDecision;
import org.tonearm.identity.RateLimits;
import org.tonearm.identity.internal.ratelimit.RateLimitProperties;
import org.tonearm.shared.RateLimitedException;

/** docs/api.md#accounts-and-authentication per-IP limit on logins and registrations (password or OpenID Connect), on top of the per-account lock. */
@Component
class LoginRateLimit {

    private final RateLimits limits;
    private final RateLimitProperties rateLimits;

    LoginRateLimit(RateLimits limits, RateLimitProperties rateLimits) {
        this.limits = limits;
        this.rateLimits = rateLimits;
    }

    void check(HttpServletRequest request) {
        check(request.getRemoteAddr());
    }

    /** The same limit for a caller known by its address (the web UI's login form, docs/web.md). */
    void check(String clientAddress) {
        if (!rateLimits.isEnabled()) {
            return;
        }
        RateLimitDecision d = limits.consume(clientAddress, rateLimits.loginPolicy());
        if (!d.allowed()) {
            throw new RateLimitedException("Too many login attempts from this address; try again later",
                    d.retryAfterSeconds());
        }
    }
}
