/**
 * Accounts and authentication (SPEC §2, §8).
 *
 * <p>API for other modules: {@link org.tonearm.identity.CurrentUser} (the caller of a request),
 * {@link org.tonearm.identity.UserDirectory} (users and their cached timezone),
 * {@link org.tonearm.identity.ApiTokenAuthenticator} (for compatibility protocols that check tokens themselves),
 * {@link org.tonearm.identity.Scopes}.
 *
 * <p>Flows:
 * <ol>
 *   <li>Register: validate (AccountRules) → hash (bcrypt 12) → in one serialized write: first user? ADMIN :
 *       registration mode must be OPEN → unique username/email → insert → start a session.</li>
 *   <li>Session: JWT access token (HS256, 1 h) + opaque refresh token (256 bits, stored as SHA-256, 30 d) in a
 *       family; refresh rotates inside the family; a reused rotated token revokes the family.</li>
 *   <li>Request: TokenAuthenticationFilter reads {@code Authorization} (Bearer JWT / Bearer or Token API token)
 *       into an AuthenticatedUser; protected paths without one get a problem+json 401.</li>
 * </ol>
 *
 * <p>Later issues slot in here: login throttling and lockout (AccountService.login), OIDC (another way to reach
 * SessionService.start), common-password list (AccountRules.checkPassword), invite codes (RegistrationMode.INVITE),
 * admin user management, password change revoking sessions (JooqRefreshTokenRepository.revokeAllOfUser).
 */
package org.tonearm.identity;
