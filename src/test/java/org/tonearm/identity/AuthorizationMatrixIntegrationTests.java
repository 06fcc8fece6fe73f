package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tonearm.testsupport.AccessDeclarations;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.OpenApiContract;

/**
 * Every {@code /api/v1} route × {anonymous, token without the needed scope, other user, admin, owner} → expected
 * status (docs/api.md#accounts-and-authentication: everyone sees only their own data; admins manage users but do not read private listens).
 * The route list comes from the application's own handler mapping: a new route without a row here fails the
 * build, and so does a row for a route that no longer exists.
 *
 * <p>Every row gets fresh users, so destructive calls (deleting an account, logging out) cannot spill over. The
 * actors call in the order of the columns; the resource's owner (for admin routes: the admin) goes last.
 *
 * <p>Who may call a route is its {@code @Access} declaration (docs/api.md#who-may-call-what): the anonymous and
 * token columns, and the scopes of the token (every scope but those the route needs), are taken from it. The
 * hand-written values of those columns stay in the rows and must agree with the declarations
 * ({@link #handWrittenExpectationsAgreeWithTheDeclarations}), so neither can drift alone. Every response is also
 * checked against the OpenAPI document (status, content type, JSON schema): the matrix calls every route, so
 * every documented operation's real answers are validated.
 */
class AuthorizationMatrixIntegrationTests extends IntegrationTestBase {

    static final String READ_ONLY = "listens:read stats:read";
    static final String WRITE_ONLY = "listens:write stats:read";
    static final String STATS_ONLY = "stats:read";
    static final String LISTENS_ONLY = "listens:read listens:write";

    @Autowired
    org.tonearm.integrations.internal.connection.ConnectionStore connections;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** The users of one row; the scope-less token belongs to the owner (admin routes: to the admin). */
    record Fixture(Api.User owner, Api.User other, Api.User admin, String token, long listenId, long artistId,
            long albumId, long trackId, long spareTokenId) {}

    record Row(String route, Function<Fixture, String> path, BiFunction<Fixture, Api.User, Object> body,
            String tokenScopes, int anonymous, int token, int other, int admin, int owner) {}

    private static Row row(String route, String tokenScopes, int anonymous, int token, int other, int admin, int owner) {
        return row(route, f -> route.substring(route.indexOf(' ') + 1), (f, u) -> null, tokenScopes, anonymous, token,
                other, admin, owner);
    }

    private static Row row(String route, Function<Fixture, String> path, BiFunction<Fixture, Api.User, Object> body,
            String tokenScopes, int anonymous, int token, int other, int admin, int owner) {
        return new Row(route, path, body, tokenScopes, anonymous, token, other, admin, owner);
    }

    static String password(Api.User u) {
        return "correct horse battery " + u.username();
    }

    /** Admin routes: users and their tokens get 403, only an admin with a login session gets through. */
    private static Row admin(String route, Function<Fixture, String> path, BiFunction<Fixture, Api.User, Object> body, int ok) {
        return row(route, path, body, STATS_ONLY, 401, 403, 403, ok, 403);
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // public: the same answer with or without credentials
        rows.add(row("POST /api/v1/auth/register", f -> "/api/v1/auth/register",
                (f, u) -> Map.of("username", RegistrationIntegrationTests.uniqueName(), "password", "a fine password"),
                STATS_ONLY, 201, 201, 201, 201, 201));
        rows.add(row("POST /api/v1/auth/login", f -> "/api/v1/auth/login",
                (f, u) -> Map.of("username", f.owner().username(), "password", password(f.owner())), STATS_ONLY,
                200, 200, 200, 200, 200));
        rows.add(row("POST /api/v1/auth/refresh", f -> "/api/v1/auth/refresh", (f, u) -> Map.of("refresh_token",
                freshRefreshToken(f)), STATS_ONLY, 200, 200, 200, 200, 200));
        // OpenID Connect login: public; this context configures no provider, so a provider's routes are 404 for
        // everyone (OidcLoginIntegrationTests runs them against a real provider)
        rows.add(row("GET /api/v1/auth/oidc/providers", STATS_ONLY, 200, 200, 200, 200, 200));
        rows.add(row("GET /api/v1/auth/oidc/{provider}/authorize", f -> "/api/v1/auth/oidc/none/authorize",
                (f, u) -> null, STATS_ONLY, 404, 404, 404, 404, 404));
        rows.add(row("GET /api/v1/auth/oidc/{provider}/callback", f -> "/api/v1/auth/oidc/none/callback?code=c&state=s",
                (f, u) -> null, STATS_ONLY, 404, 404, 404, 404, 404));
        rows.add(row("GET /api/v1/openapi.json", STATS_ONLY, 200, 200, 200, 200, 200));
        rows.add(row("GET /api/v1/openapi.json.yaml", STATS_ONLY, 200, 200, 200, 200, 200));
        rows.add(row("GET /api/v1/openapi.json/swagger-config", STATS_ONLY, 200, 200, 200, 200, 200));
        // the caller's own account: any login session; account changes refuse API tokens
        rows.add(row("POST /api/v1/auth/logout", STATS_ONLY, 401, 403, 204, 204, 204));
        rows.add(row("GET /api/v1/me", STATS_ONLY, 401, 200, 200, 200, 200));
        rows.add(row("PATCH /api/v1/me", f -> "/api/v1/me", (f, u) -> Map.of("display_name", "X"), STATS_ONLY,
                401, 403, 200, 200, 200));
        rows.add(row("DELETE /api/v1/me", f -> "/api/v1/me", (f, u) -> u == null ? Map.of() : Map.of("password", password(u)),
                STATS_ONLY, 401, 403, 204, 204, 204));
        rows.add(row("POST /api/v1/me/password", f -> "/api/v1/me/password", (f, u) -> u == null ? Map.of()
                : Map.of("current_password", password(u), "new_password", "another fine password " + u.id()),
                STATS_ONLY, 401, 403, 200, 200, 200));
        rows.add(row("POST /api/v1/me/tokens", f -> "/api/v1/me/tokens", (f, u) -> Map.of("name", "t"), STATS_ONLY,
                401, 403, 201, 201, 201));
        rows.add(row("GET /api/v1/me/tokens", STATS_ONLY, 401, 403, 200, 200, 200));
        rows.add(row("DELETE /api/v1/me/tokens/{id}", f -> "/api/v1/me/tokens/" + f.spareTokenId(), (f, u) -> null,
                STATS_ONLY, 401, 403, 404, 404, 204));
        // listens: scopes apply to API tokens; nobody but the owner reaches a listen, admins included
        rows.add(row("POST /api/v1/listens", f -> "/api/v1/listens", (f, u) -> Map.of("artist", "Matrix Artist",
                "track", "Matrix Track", "listened_at", 1_700_000_000L + (u == null ? 0 : u.id())), READ_ONLY,
                401, 403, 201, 201, 201));
        rows.add(row("GET /api/v1/listens", WRITE_ONLY, 401, 403, 200, 200, 200));
        rows.add(row("DELETE /api/v1/listens", f -> "/api/v1/listens?from=0&to=2000000000", (f, u) -> null, READ_ONLY,
                401, 403, 200, 200, 200));
        rows.add(row("GET /api/v1/listens/{id}", f -> "/api/v1/listens/" + f.listenId(), (f, u) -> null, WRITE_ONLY,
                401, 403, 404, 404, 200));
        rows.add(row("PATCH /api/v1/listens/{id}", f -> "/api/v1/listens/" + f.listenId(),
                (f, u) -> Map.of("track", "Corrected"), READ_ONLY, 401, 403, 404, 404, 200));
        rows.add(row("DELETE /api/v1/listens/{id}", f -> "/api/v1/listens/" + f.listenId(), (f, u) -> null, READ_ONLY,
                401, 403, 404, 404, 204));
        // Last.fm API apps of the caller (compat/lastfm): login session only
        rows.add(row("POST /api/v1/me/lastfm-apps", f -> "/api/v1/me/lastfm-apps", (f, u) -> Map.of("name", "app"),
                STATS_ONLY, 401, 403, 201, 201, 201));
        rows.add(row("GET /api/v1/me/lastfm-apps", STATS_ONLY, 401, 403, 200, 200, 200));
        // now playing: the caller's own, by scope
        rows.add(row("GET /api/v1/now-playing", WRITE_ONLY, 401, 403, 200, 200, 200));
        rows.add(row("PUT /api/v1/now-playing", f -> "/api/v1/now-playing",
                (f, u) -> Map.of("artist", "Matrix Artist", "track", "Matrix Track"), READ_ONLY, 401, 403, 200, 200, 200));
        rows.add(row("DELETE /api/v1/now-playing", READ_ONLY, 401, 403, 204, 204, 204));
        // catalog (library module): an entry is visible to users who listened to it or when a PUBLIC profile has
        // (every user here is PRIVATE); the entries reveal history, so a token needs listens:read
        rows.add(row("GET /api/v1/catalog/artists/{id}", f -> "/api/v1/catalog/artists/" + f.artistId(), (f, u) -> null,
                WRITE_ONLY, 401, 403, 404, 404, 200));
        rows.add(row("GET /api/v1/catalog/albums/{id}", f -> "/api/v1/catalog/albums/" + f.albumId(), (f, u) -> null,
                WRITE_ONLY, 401, 403, 404, 404, 200));
        rows.add(row("GET /api/v1/catalog/tracks/{id}", f -> "/api/v1/catalog/tracks/" + f.trackId(), (f, u) -> null,
                WRITE_ONLY, 401, 403, 404, 404, 200));
        // 200 for everyone, but only with the caller's own entries (CatalogVisibilityIntegrationTests checks the contents)
        rows.add(row("GET /api/v1/search", f -> "/api/v1/search?q=Matrix", (f, u) -> null, WRITE_ONLY,
                401, 403, 200, 200, 200));
        // statistics (issue #11): always the caller's own; a token needs stats:read; an entity page only for an
        // entity of the caller's listens (others get the same 404 as for an id that does not exist)
        for (String view : List.of("overview", "timeline", "heatmap", "clock", "streaks", "insights", "discoveries",
                "top/genres", "artist-map", "eras")) {
            rows.add(row("GET /api/v1/stats/" + view, LISTENS_ONLY, 401, 403, 200, 200, 200));
        }
        rows.add(row("GET /api/v1/stats/top/{kind}", f -> "/api/v1/stats/top/artists", (f, u) -> null, LISTENS_ONLY,
                401, 403, 200, 200, 200));
        rows.add(row("GET /api/v1/stats/{kind:artists|albums|tracks}/{id}", f -> "/api/v1/stats/artists/" + f.artistId(),
                (f, u) -> null, LISTENS_ONLY, 401, 403, 404, 404, 200));
        rows.add(row("GET /api/v1/stats/year/{year}", f -> "/api/v1/stats/year/2023", (f, u) -> null, LISTENS_ONLY,
                401, 403, 200, 200, 200));
        // imports and exports (issue #4): the upload is multipart; job routes use a job of the owner
        rows.add(row("POST /api/v1/imports", f -> "/api/v1/imports", (f, u) -> UPLOAD, READ_ONLY, 401, 403, 202, 202, 202));
        // a public profile's statistics (issue #11 item 4): the row's owner is PRIVATE, so everyone — the owner, too,
        // who has /api/v1/stats — gets the same 404 as for a user that does not exist
        rows.add(row("GET /api/v1/users/{username}/stats/**", f -> "/api/v1/users/" + f.owner().username()
                + "/stats/overview", (f, u) -> null, WRITE_ONLY, 404, 404, 404, 404, 404));
        rows.add(row("GET /api/v1/imports", WRITE_ONLY, 401, 403, 200, 200, 200));
        rows.add(row("GET /api/v1/imports/{id}", f -> "/api/v1/imports/" + importJob(f), (f, u) -> null, WRITE_ONLY,
                401, 403, 404, 404, 200));
        rows.add(row("GET /api/v1/imports/{id}/errors", f -> "/api/v1/imports/" + importJob(f) + "/errors",
                (f, u) -> null, WRITE_ONLY, 401, 403, 404, 404, 200));
        rows.add(row("DELETE /api/v1/imports/{id}", f -> "/api/v1/imports/" + importJob(f), (f, u) -> null, READ_ONLY,
                401, 403, 404, 404, 200));
        rows.add(row("GET /api/v1/exports/listens", WRITE_ONLY, 401, 403, 200, 200, 200));
        // the account export has no user in its path: everyone (admins too) downloads their own account only
        rows.add(row("GET /api/v1/exports/account", WRITE_ONLY, 401, 403, 200, 200, 200));
        // connections (issue 13 item 6): no user in the path, everyone reaches their own only. The owner has a Spotify
        // connection (made in the store: the OAuth flow needs Spotify), the other users have none
        rows.add(row("GET /api/v1/connections", WRITE_ONLY, 401, 403, 200, 200, 200));
        rows.add(row("GET /api/v1/connections/{service}", f -> spotifyConnection(f), (f, u) -> null, WRITE_ONLY,
                401, 403, 404, 404, 200));
        rows.add(row("POST /api/v1/connections/{service}", f -> "/api/v1/connections/spotify", (f, u) -> Map.of(),
                STATS_ONLY, 401, 403, 200, 200, 200));
        rows.add(row("DELETE /api/v1/connections/{service}", f -> spotifyConnection(f), (f, u) -> null, STATS_ONLY,
                401, 403, 404, 404, 204));
        rows.add(row("POST /api/v1/connections/{service}/sync", f -> "/api/v1/connections/spotify/sync",
                (f, u) -> null, READ_ONLY, 401, 403, 404, 404, 404));
        // the OAuth callback is open (the browser brings no token): the state decides, and an unknown one is a 400
        rows.add(row("GET /api/v1/connections/{service}/callback", f -> "/api/v1/connections/spotify/callback?code=c&state=s",
                (f, u) -> null, STATS_ONLY, 400, 400, 400, 400, 400));
        // admin
        rows.add(admin("GET /api/v1/admin/users", f -> "/api/v1/admin/users", (f, u) -> null, 200));
        rows.add(admin("POST /api/v1/admin/users", f -> "/api/v1/admin/users", (f, u) -> Map.of("username",
                RegistrationIntegrationTests.uniqueName(), "password", "a fine password"), 201));
        rows.add(admin("GET /api/v1/admin/users/{id}", f -> "/api/v1/admin/users/" + f.owner().id(), (f, u) -> null, 200));
        rows.add(admin("PATCH /api/v1/admin/users/{id}", f -> "/api/v1/admin/users/" + f.other().id(),
                (f, u) -> Map.of("role", "USER"), 200));
        rows.add(admin("DELETE /api/v1/admin/users/{id}", f -> "/api/v1/admin/users/" + f.other().id(), (f, u) -> null, 204));
        rows.add(admin("POST /api/v1/admin/users/{id}/password", f -> "/api/v1/admin/users/" + f.other().id() + "/password",
                (f, u) -> Map.of("password", "a brand new password"), 204));
        rows.add(admin("GET /api/v1/admin/invites", f -> "/api/v1/admin/invites", (f, u) -> null, 200));
        rows.add(admin("POST /api/v1/admin/invites", f -> "/api/v1/admin/invites", (f, u) -> Map.of(), 201));
        rows.add(admin("DELETE /api/v1/admin/invites/{id}", f -> "/api/v1/admin/invites/"
                + f.admin().api().post("/api/v1/admin/invites", Map.of()).json().path("id").asLong(), (f, u) -> null, 204));
        rows.add(admin("GET /api/v1/admin/registration", f -> "/api/v1/admin/registration", (f, u) -> null, 200));
        rows.add(admin("PUT /api/v1/admin/registration", f -> "/api/v1/admin/registration",
                (f, u) -> "{\"mode\":null}", 200));
        return rows;
    }

    /** Logs the owner in once more: every refresh token works once (rotation). */
    private String freshRefreshToken(Fixture f) {
        return api().post("/api/v1/auth/login", Map.of("username", f.owner().username(), "password",
                password(f.owner()))).json().path("refresh_token").asString();
    }

    @Test
    void everyApiRouteHasARowAndEveryRowARoute() {
        TreeSet<String> routes = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            if (pattern.startsWith("/api/v1/")) {
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    routes.add("ANY " + pattern);
                }
                methods.forEach(m -> routes.add(m.name() + " " + pattern));
            }
        }));
        TreeSet<String> covered = new TreeSet<>(rows().stream().map(Row::route).toList());

        assertThat(covered).as("rows of this matrix; add one for each new /api/v1 route").isEqualTo(routes);
    }

    /** The route's declaration; empty for the OpenAPI document's own routes (springdoc's, public). */
    private Optional<AccessRule> declared(Row row) {
        String method = row.route().substring(0, row.route().indexOf(' '));
        String pattern = row.route().substring(row.route().indexOf(' ') + 1);
        return mapping.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getPatternValues().contains(pattern))
                .filter(e -> e.getKey().getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals(method)))
                .filter(e -> e.getValue().getBeanType().getName().startsWith("org.tonearm."))
                .findFirst().map(e -> AccessDeclarations.ruleOf(e.getValue())
                        .orElseThrow(() -> new AssertionError(row.route() + " declares no @Access")));
    }

    /** Anonymous: 401 wherever a credential is needed; an open route answers as its row says. */
    private int anonymousExpected(Row row) {
        return declared(row).filter(rule -> rule.credential() != Credential.NONE).map(rule -> 401).orElse(row.anonymous());
    }

    /** The limited token: 403 where it is the wrong credential, not an admin's session, or lacks the scopes. */
    private int tokenExpected(Row row) {
        return declared(row).filter(rule -> rule.credential() != Credential.NONE)
                .filter(rule -> rule.credential() == Credential.SESSION || rule.admin() || !rule.scopes().isEmpty())
                .map(rule -> 403).orElse(row.token());
    }

    /** Every scope but the ones the route needs (none: the row's). */
    private String tokenScopes(Row row) {
        return declared(row).filter(rule -> !rule.scopes().isEmpty())
                .map(rule -> Scopes.ALL.stream().filter(s -> !rule.scopes().contains(s)).sorted()
                        .collect(Collectors.joining(" ")))
                .orElse(row.tokenScopes());
    }

    @Test
    void handWrittenExpectationsAgreeWithTheDeclarations() {
        List<String> disagreements = new ArrayList<>();
        for (Row row : rows()) {
            if (anonymousExpected(row) != row.anonymous() || tokenExpected(row) != row.token()) {
                disagreements.add(row.route() + ": declared anonymous " + anonymousExpected(row) + " token "
                        + tokenExpected(row) + ", written " + row.anonymous() + " " + row.token());
            }
            declared(row).filter(rule -> !rule.scopes().isEmpty() && rule.credential() != Credential.NONE)
                    .filter(rule -> rule.scopesHeldBy(Set.of(row.tokenScopes().split(" "))))
                    .ifPresent(rule -> disagreements.add(row.route() + ": the written token scopes hold " + rule.scopes()));
        }
        // a few by hand, independent of both: what a user would notice first
        assertThat(declared(route("POST /api/v1/listens")).orElseThrow())
                .isEqualTo(new AccessRule(Credential.ANY, List.of(Scopes.LISTENS_WRITE), false, false));
        assertThat(declared(route("POST /api/v1/me/tokens")).orElseThrow().credential()).isEqualTo(Credential.SESSION);
        assertThat(declared(route("GET /api/v1/stats/overview")).orElseThrow().scopes()).containsExactly(Scopes.STATS_READ);
        assertThat(declared(route("GET /api/v1/admin/users")).orElseThrow().admin()).isTrue();
        assertThat(declared(route("POST /api/v1/auth/login")).orElseThrow().credential()).isEqualTo(Credential.NONE);
        assertThat(disagreements).isEmpty();
    }

    private Row route(String route) {
        return rows().stream().filter(r -> r.route().equals(route)).findFirst().orElseThrow();
    }

    @Test
    void everyRouteAnswersEachKindOfCallerAsExpected() {
        Map<String, String> mismatches = new LinkedHashMap<>();
        Map<String, Fixture> shared = new LinkedHashMap<>();
        contract = OpenApiContract.of(api());
        contractViolations.clear();
        for (Row row : rows()) {
            boolean adminRoute = row.route().contains("/admin/");
            String tokenScopes = tokenScopes(row);
            // reads change nothing and may share users; every other method gets fresh ones (registering costs bcrypt)
            Fixture f = row.route().startsWith("GET ")
                    ? shared.computeIfAbsent(tokenScopes + adminRoute, k -> fixture(tokenScopes, adminRoute))
                    : fixture(tokenScopes, adminRoute);
            String path = row.path().apply(f);
            List<String> failures = new ArrayList<>();
            check(failures, "anonymous", call(api(), row, f, null, path), anonymousExpected(row));
            check(failures, "token without scope", call(api().auth("Token " + f.token()), row, f, null, path),
                    tokenExpected(row));
            check(failures, "other user", call(f.other().api(), row, f, f.other(), path), row.other());
            if (adminRoute) {
                check(failures, "owner", call(f.owner().api(), row, f, f.owner(), path), row.owner());
                check(failures, "admin", call(f.admin().api(), row, f, f.admin(), path), row.admin());
            } else {
                check(failures, "admin", call(f.admin().api(), row, f, f.admin(), path), row.admin());
                check(failures, "owner", call(f.owner().api(), row, f, f.owner(), path), row.owner());
            }
            if (!failures.isEmpty()) {
                mismatches.put(row.route(), String.join("; ", failures));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(contractViolations).as("real responses that differ from /api/v1/openapi.json").isEmpty();
    }

    private OpenApiContract contract;
    private final List<String> contractViolations = new ArrayList<>();

    private static void check(List<String> failures, String who, Api.Response r, int expected) {
        if (r.status() != expected) {
            failures.add(who + " expected " + expected + " got " + r.status() + " " + abbreviate(r.body()));
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 160 ? body : body.substring(0, 160) + "…";
    }

    /** A small Tonearm CSV (docs/formats.md) as a multipart upload. */
    record Upload(String contentType, String body) {}

    static final Upload UPLOAD = new Upload("multipart/form-data; boundary=matrixboundary",
            "--matrixboundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n"
                    + "listened_at,artist,artists,track,album,duration_played_ms,track_length_ms,service,client,external_id\r\n"
                    + "2024-01-01T12:00:00.000Z,Matrix Artist,,Matrix Import,,180000,200000,spotify,,\r\n"
                    + "--matrixboundary--\r\n");

    private String spotifyConnection(Fixture f) {
        connections.connect(f.owner().id(), "spotify", "matrix-" + f.owner().id(), "{}", true, false, null, null,
                System.currentTimeMillis() + 3_600_000L);
        return "/api/v1/connections/spotify";
    }

    private long importJob(Fixture f) {
        return f.owner().api().send("POST", "/api/v1/imports", UPLOAD.body(), UPLOAD.contentType()).json().path("id").asLong();
    }

    private Api.Response call(Api client, Row row, Fixture f, Api.User actor, String path) {
        String method = row.route().substring(0, row.route().indexOf(' '));
        Object body = row.body().apply(f, actor);
        Api.Response response;
        if (body instanceof Upload upload) {
            response = client.send(method, path, upload.body(), upload.contentType());
        } else {
            String json = body == null ? null : body instanceof String s ? s : Api.JSON.writeValueAsString(body);
            response = client.send(method, path, json, json == null ? null : "application/json");
        }
        if (contract != null && declared(row).isPresent()) {
            String pattern = row.route().substring(row.route().indexOf(' ') + 1);
            contractViolations.addAll(contract.check(method, OpenApiContract.documentPath(pattern), response));
        }
        return response;
    }

    private Fixture fixture(String tokenScopes, boolean adminRoute) {
        Api.User owner = api().newUser();
        Api.User other = api().newUser();
        Api.User admin = Admins.create(api(), database);
        var listen = owner.api().post("/api/v1/listens", Map.of("artist", "Matrix Artist", "track", "Matrix Track",
                "album", "Matrix Album", "listened_at", 1_600_000_000L)).json().path("listen");
        Api tokenOwner = adminRoute ? admin.api() : owner.api();
        String token = tokenOwner.post("/api/v1/me/tokens", Map.of("name", "limited", "scopes",
                List.of(tokenScopes.split(" ")))).json().path("token").asString();
        long spare = owner.api().post("/api/v1/me/tokens", Map.of("name", "spare")).json().path("id").asLong();
        return new Fixture(owner, other, admin, token, listen.path("id").asLong(),
                listen.path("track").path("artists").get(0).path("id").asLong(), listen.path("album").path("id").asLong(),
                listen.path("track").path("id").asLong(), spare);
    }
}
