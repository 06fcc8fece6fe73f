/**
 * Accounts, authentication and the API gateway (docs/api.md#gateway, #accounts-and-authentication).
 *
 * <p>API for other modules: {@link org.tonearm.identity.CurrentUser} (the caller of a request),
 * {@link org.tonearm.identity.UserDirectory} (users and their cached timezone),
 * {@link org.tonearm.identity.ProfileSettingsService} (an account import applies exported profile settings with the
 * rules of {@code PATCH /api/v1/me}),
 * {@link org.tonearm.identity.WebAccounts} (the web UI's login, registration, profile and password change, with the
 * API's rules and messages, docs/web.md),
 * {@link org.tonearm.identity.ApiTokenAuthenticator} (for compatibility protocols that check tokens themselves),
 * {@link org.tonearm.identity.Scopes}, {@link org.tonearm.identity.Access} (who may call a route, declared once per
 * handler) with {@link org.tonearm.identity.Credential}, {@link org.tonearm.identity.AccessRule},
 * {@link org.tonearm.identity.AccessDenied} and {@link org.tonearm.identity.ProtocolMethodAccess}, {@link org.tonearm.identity.RateLimits} (the gateway's token buckets, for
 * protocol-specific limits) with {@link org.tonearm.identity.RateLimitRejection} (a compat module's own 429 body),
 * and the event {@link org.tonearm.identity.AccountDeleted}.
 *
 * <p>Flows:
 * <ol>
 *   <li>Register: validate (AccountRules: length, not the username/email, not on the bundled common-password
 *       list) → per-IP login limit → hash (bcrypt 12) → in one serialized write: first user? ADMIN : mode in
 *       force (RegistrationPolicy: admin override in {@code instance_settings}, else {@code tonearm.registration})
 *       must be OPEN, or INVITE with a single-use code redeemed by a conditional update → unique username/email
 *       → insert → start a session.</li>
 *   <li>Login: per-IP limit → LoginThrottle (5 failures / 15 min lock the typed name for 30 min, existing or not)
 *       → bcrypt check (a dummy check for unknown names) → session.</li>
 *   <li>Session: JWT access token (HS256, 1 h, {@code iat_ms}) + opaque refresh token (256 bits, stored as
 *       SHA-256, 30 d) in a family; refresh rotates inside the family; a reused rotated token revokes the family.
 *       Password change, admin reset and logout-everywhere revoke every refresh token and move
 *       {@code users.sessions_valid_after}, which kills older access tokens too.</li>
 *   <li>Request (SecurityConfiguration): TokenAuthenticationFilter (Bearer JWT → SessionGuard checks the account
 *       is active, not revoked since issue, and supplies its current role; Bearer/Token API token → DB lookup) →
 *       RateLimitFilter (bucket per credential or per IP; Redis when configured, memory as fallback;
 *       X-RateLimit-* headers; 429 + Retry-After) → BodySizeLimitFilter (413) → routing → AccessInterceptor: the
 *       route's {@link org.tonearm.identity.Access} declaration (credential, scopes, admin) decides, and a refusal
 *       is rendered by the route's own error advice (problem+json; ListenBrainz's format). Last.fm and
 *       Audioscrobbler check their protocol sessions against the same declaration
 *       ({@link org.tonearm.identity.AccessRule}) (docs/api.md#who-may-call-what).</li>
 *   <li>OpenID Connect login (internal.oidc, docs/operations.md): authorize → state/nonce/PKCE verifier stored
 *       (state hashed, 10 min, single use) → 302 to the provider → callback: take the state → exchange the code
 *       with the verifier → validate the ID token (keys, iss, aud, exp, nonce) → OidcAccounts: existing link, else
 *       link by verified email, else provision when registration is open → session, returned as the login JSON.</li>
 * </ol>
 *
 * <p>The web UI's cookie session + CSRF chain lives in the web module (docs/web.md) and reaches accounts through
 * {@link org.tonearm.identity.WebAccounts}. Not built yet: finishing an OpenID Connect login into that web session, a
 * hand-off of OpenID Connect logins to a front-end on another origin.
 */
package org.tonearm.identity;
