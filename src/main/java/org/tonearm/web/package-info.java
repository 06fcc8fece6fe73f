/**
 * The web UI (docs/web.md): server-rendered Thymeleaf pages with htmx and uPlot served from WebJars; no business
 * logic — pages call the identity ({@link org.tonearm.identity.WebAccounts}, {@link org.tonearm.identity.UserDirectory}),
 * listens, imports, stats and integrations ({@link org.tonearm.integrations.Connections}) façades only. Nothing here is an API for other modules.
 *
 * <p>Flows:
 * <ol>
 *   <li>Request to a page path ({@code internal.security.WebPaths}): the web security chain (before the API's) → the
 *       session cookie's login, re-checked against the account ({@code WebSessionCheck}: disabled, or sessions ended
 *       by a password change, log the browser out) → CSRF check on every unsafe method (forms: hidden field; htmx:
 *       the {@code X-CSRF-TOKEN} header from the page's meta tag, {@code /js/app.js}) → controller → template.</li>
 *   <li>First run: {@code /} on an instance without accounts → {@code /setup} → the identity façade registers the
 *       first account (ADMIN) → signed in → dashboard. Once an account exists, {@code /setup} redirects to {@code /}.</li>
 *   <li>Login: form POST {@code /login} → {@code WebAuthenticationProvider} → {@code WebAccounts.login} (the API's
 *       per-address limit, lockout and password check) → a new session id → {@code /}.</li>
 * </ol>
 */
package org.tonearm.web;
