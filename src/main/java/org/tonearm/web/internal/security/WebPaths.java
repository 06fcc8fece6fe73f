package org.tonearm.web.internal.security;

/**
 * The paths of the web UI (docs/web.md). Only these reach the web security chain (session cookie, CSRF); every other
 * path stays with the API's stateless token chain exactly as before. A new page lives under one of these prefixes —
 * they are reserved for the pages issue #12 lists — or adds its own here.
 */
public final class WebPaths {

    /** Pages anyone may open. {@code /} decides itself (first run, login, or the dashboard). */
    static final String[] PUBLIC_PAGES = {"/", "/setup", "/login", "/register", "/s/**", "/u/*", "/login/oidc/**"};

    /** Pages for administrators only. */
    static final String[] ADMIN_PAGES = {"/admin", "/admin/**"};

    /** Every path the web chain owns; the rest need a logged-in user. */
    static final String[] ALL = {
        "/", "/setup", "/login", "/logout", "/register",
        "/settings", "/settings/**",
        "/top", "/top/**", "/history", "/history/**", "/discoveries", "/discoveries/**", "/streaks", "/streaks/**",
        "/year", "/year/**", "/import", "/import/**", "/connections", "/connections/**",
        "/artist/**", "/album/**", "/track/**", "/admin", "/admin/**",
        // htmx fragments and server-sent events of the pages
        "/ui/**",
        // sharing: my links, and the public cards (/s/{token}, /s/{token}/image.png)
        "/shares", "/shares/**", "/s/**",
        // public profiles (issue #12 item 8): /u/{username}, no login when the profile is PUBLIC
        "/u/*",
        // OpenID Connect into the web session: start and finish (docs/web.md#openid-connect)
        "/login/oidc/**",
    };

    private WebPaths() {}
}
