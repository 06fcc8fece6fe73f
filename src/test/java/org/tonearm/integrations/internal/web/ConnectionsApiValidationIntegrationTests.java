package org.tonearm.integrations.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tonearm.integrations.internal.scrobbling.ScrobbleSyncTestBase;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;

/**
 * Bad input and isolation on {@code /api/v1/connections} (docs/api.md#connections, #errors): every route answers an
 * unauthenticated caller, another user's connection, an unknown service, a malformed or wrongly typed body and a sync
 * of a stopped connection with the problem+json of docs/api.md#errors — never a 5xx — and nothing is written: the
 * caller's connection list (and the other user's) reads the same afterwards, and ListenBrainz is not called.
 *
 * <p>Connections are addressed by service name, not by a numeric id (there is no user in the path), so "another
 * user's id" is another user's service, and number-like, negative and huge path segments are unknown services.
 * ListenBrainz (a WireMock fake, as in the sync tests) connects with a user name alone, so most cases need no OAuth.
 */
class ConnectionsApiValidationIntegrationTests extends ScrobbleSyncTestBase {

    private static final String BASE = "/api/v1/connections";
    /** Every route with a {@code {service}} but the OAuth callback (open, tested apart): method and path suffix. */
    private static final List<String[]> SERVICE_ROUTES = List.of(new String[] {"GET", ""},
            new String[] {"POST", ""}, new String[] {"DELETE", ""}, new String[] {"POST", "/sync"});

    @BeforeEach
    void routeTheFake() {
        listenBrainz.stub(fake);
    }

    /** A user with an active ListenBrainz connection (pull of an empty history, token checked by the fake). */
    private Api.User connectedToListenBrainz() {
        Api.User user = api().newUser();
        listenBrainz.user(user.username(), user.username() + "-token", List.of());
        Api.Response r = user.api().post(BASE + "/listenbrainz",
                Map.of("user", user.username(), "token", user.username() + "-token"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return user;
    }

    private static JsonNode list(Api.User user) {
        Api.Response r = user.api().get(BASE);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("detail").asString()).isNotBlank();
    }

    private static void assertValidation(Api.Response r, String field) {
        assertProblem(r, 400, "VALIDATION_ERROR");
        assertThat(r.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .as(r.body()).contains(field);
    }

    private static Api.Response call(Api client, String method, String path) {
        return client.send(method, path, method.equals("POST") && !path.endsWith("/sync") ? "{}" : null,
                method.equals("POST") ? "application/json" : null);
    }

    /** Requests the fake (ListenBrainz and Last.fm) has answered so far. */
    private int fakeRequests() {
        return fake.getAllServeEvents().size();
    }

    // ---- authentication

    @Test
    void everyRouteAnswersACallerWithoutValidCredentials401ProblemAndTouchesNothing() {
        Api.User owner = connectedToListenBrainz();
        JsonNode before = list(owner);
        int requests = fakeRequests();
        for (Api anonymous : List.of(api(), api().bearer("not-a-token"), api().auth("Token not-a-token"),
                api().bearer(owner.accessToken() + "x"))) {
            assertProblem(anonymous.get(BASE), 401, "AUTH_TOKEN_INVALID");
            for (String[] route : SERVICE_ROUTES) {
                Api.Response r = call(anonymous, route[0], BASE + "/listenbrainz" + route[1]);
                assertProblem(r, 401, "AUTH_TOKEN_INVALID");
                assertThat(r.body()).doesNotContain(owner.username());
            }
            // a body that would connect, sent without credentials
            assertProblem(anonymous.post(BASE + "/listenbrainz", Map.of("user", "someone")), 401,
                    "AUTH_TOKEN_INVALID");
        }
        assertThat(list(owner)).isEqualTo(before);
        assertThat(fakeRequests()).isEqualTo(requests);
    }

    // ---- isolation

    @Test
    void anotherUsersConnectionIsNotFoundOnEveryRouteAndStaysAsItWas() {
        Api.User owner = connectedToListenBrainz();
        Api.User other = api().newUser();
        JsonNode ownersBefore = list(owner);
        int requests = fakeRequests();

        assertThat(list(other).path("connections")).isEmpty();
        for (String[] route : List.of(new String[] {"GET", ""}, new String[] {"DELETE", ""},
                new String[] {"POST", "/sync"})) {
            Api.Response r = call(other.api(), route[0], BASE + "/listenbrainz" + route[1]);
            assertProblem(r, 404, "RESOURCE_NOT_FOUND"); // not 403: whether someone else has one is not told
            assertThat(r.body()).doesNotContain(owner.username());
        }

        assertThat(list(owner)).isEqualTo(ownersBefore);
        assertThat(list(owner).path("connections").get(0).path("status").asString()).isEqualTo("active");
        assertThat(list(other).path("connections")).isEmpty();
        assertThat(fakeRequests()).as("no sync ran for the owner").isEqualTo(requests);
    }

    @Test
    void connectingTheSameAccountAsAnotherUserLeavesTheFirstUsersConnectionAlone() {
        Api.User owner = connectedToListenBrainz();
        Api.User other = api().newUser();
        JsonNode ownersBefore = list(owner);

        // the other user names the owner's ListenBrainz account (public listens need no token): their own row
        Api.Response r = other.api().post(BASE + "/listenbrainz", Map.of("user", owner.username()));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(list(owner)).isEqualTo(ownersBefore);
        assertThat(other.api().delete(BASE + "/listenbrainz").status()).isEqualTo(204);
        assertThat(list(owner)).isEqualTo(ownersBefore);
    }

    // ---- the service in the path

    @Test
    void unknownServicesAndNumberLikePathSegmentsAre404OnEveryRoute() {
        Api.User owner = connectedToListenBrainz();
        JsonNode before = list(owner);
        String tooLong = "s".repeat(300);
        for (String service : List.of("myspace", "ListenBrainz", "LISTENBRAINZ", "listenbrainz ", "last.fm", "0", "1",
                "-1", "9223372036854775807", "9223372036854775808", "99999999999999999999999999", "1.5", tooLong)) {
            String path = BASE + "/" + URLEncoder.encode(service, StandardCharsets.UTF_8).replace("+", "%20");
            for (String[] route : SERVICE_ROUTES) {
                Api.Response r = call(owner.api(), route[0], path + route[1]);
                assertProblem(r, 404, "RESOURCE_NOT_FOUND");
            }
        }
        assertThat(list(owner)).isEqualTo(before);
    }

    @Test
    void theOAuthCallbackOfAServiceWithoutOneIsNotFoundNotAnError() {
        Api.User owner = connectedToListenBrainz();
        JsonNode before = list(owner);

        // ListenBrainz connects with a token, it has no OAuth redirect; the callback route is open (no credentials)
        for (Api caller : List.of(api(), owner.api())) {
            assertProblem(caller.get(BASE + "/listenbrainz/callback?code=c&state=s"), 404, "RESOURCE_NOT_FOUND");
            assertProblem(caller.get(BASE + "/myspace/callback?code=c&state=s"), 404, "RESOURCE_NOT_FOUND");
        }
        assertThat(list(owner)).isEqualTo(before);
    }

    // ---- the connect body

    @Test
    void malformedBodiesAndWrongContentTypesAreRefusedAndConnectNothing() {
        Api.User user = api().newUser();
        JsonNode before = list(user);
        Api me = user.api();
        String path = BASE + "/listenbrainz";

        assertValidation(me.send("POST", path, "{\"user\": \"rob\"", "application/json"), "body"); // cut short
        assertValidation(me.send("POST", path, "{user: rob}", "application/json"), "body");
        assertValidation(me.send("POST", path, "[{\"user\": \"rob\"}]", "application/json"), "body");
        assertValidation(me.send("POST", path, "\"rob\"", "application/json"), "body");
        assertValidation(me.send("POST", path, "42", "application/json"), "body");
        assertProblem(me.send("POST", path, "{\"user\": \"rob\"}", "text/plain"), 415, "VALIDATION_ERROR");
        assertProblem(me.send("POST", path, "user=rob", "application/x-www-form-urlencoded"), 415,
                "VALIDATION_ERROR");
        assertProblem(me.send("POST", path, "<user>rob</user>", "application/xml"), 415, "VALIDATION_ERROR");

        assertThat(list(user)).isEqualTo(before);
        assertThat(before.path("connections")).isEmpty();
    }

    @Test
    void missingEmptyAndWronglyTypedFieldsAre400NamingTheFieldAndConnectNothing() {
        Api.User user = api().newUser();
        Api me = user.api();
        String path = BASE + "/listenbrainz";
        int requests = fakeRequests();

        assertValidation(me.send("POST", path, null, "application/json"), "user"); // no body
        assertValidation(me.send("POST", path, "null", "application/json"), "user");
        assertValidation(me.post(path, Map.of()), "user");
        assertValidation(me.post(path, Map.of("user", "")), "user");
        assertValidation(me.post(path, Map.of("user", " \t ")), "user");
        assertValidation(me.send("POST", path, "{\"user\": null}", "application/json"), "user");
        assertValidation(me.post(path, Map.of("pull", true)), "user");
        // a wrong JSON type is refused, not coerced (docs/api.md#errors; as JsonBodyRobustnessIntegrationTests)
        assertValidation(me.post(path, Map.of("user", 123)), "user");
        assertValidation(me.post(path, Map.of("user", List.of("rob"))), "user");
        assertValidation(me.post(path, Map.of("user", Map.of("name", "rob"))), "user");
        assertValidation(me.post(path, Map.of("user", "rob", "pull", "yes")), "pull");
        assertValidation(me.post(path, Map.of("user", "rob", "pull", 1)), "pull");
        assertValidation(me.post(path, Map.of("user", "rob", "mirror", "true")), "mirror");
        assertValidation(me.post(path, Map.of("user", "rob", "token", 42)), "token");
        // mirroring needs the token
        assertValidation(me.post(path, Map.of("user", "rob", "mirror", true)), "token");

        assertThat(list(user).path("connections")).isEmpty();
        assertThat(fakeRequests()).as("nothing was sent to ListenBrainz").isEqualTo(requests);
    }

    @Test
    void anAccountNameLongerThanTheStoredOneIsRefusedOnBothDatabasesAndTheLongestFits() {
        Api.User user = api().newUser();
        Api me = user.api();
        String path = BASE + "/listenbrainz";
        // docs/api.md#connections: the account name is stored whole (integration_connections.external_user, 255)
        String longest = "r".repeat(255);

        assertValidation(me.post(path, Map.of("user", longest + "r")), "user");
        assertValidation(me.post(path, Map.of("user", "r".repeat(100_000))), "user");
        assertThat(list(user).path("connections")).isEmpty();

        Api.Response fits = me.post(path, Map.of("user", longest, "pull", false));
        assertThat(fits.status()).as(fits.body()).isEqualTo(200);
        assertThat(fits.json().path("connection").path("external_user").asString()).isEqualTo(longest);
        assertThat(list(user).path("connections")).hasSize(1);
    }

    @Test
    void lastFmRefusesTheSameBodiesBeforeCallingLastFm() {
        Api.User user = api().newUser();
        Api me = user.api();
        String path = BASE + "/lastfm";
        int requests = fakeRequests();

        assertValidation(me.post(path, Map.of()), "user");
        assertValidation(me.post(path, Map.of("user", "  ")), "user");
        assertValidation(me.post(path, Map.of("user", 6)), "user");
        assertValidation(me.post(path, Map.of("user", "r".repeat(256))), "user");
        assertValidation(me.post(path, Map.of("user", "rj", "pull", "yes")), "pull");
        assertValidation(me.post(path, Map.of("user", "rj", "mirror", "yes")), "mirror");
        assertValidation(me.send("POST", path, "{\"user\": ", "application/json"), "body");
        assertProblem(me.send("POST", path, "{\"user\": \"rj\"}", "text/plain"), 415, "VALIDATION_ERROR");

        assertThat(list(user).path("connections")).isEmpty();
        assertThat(fakeRequests()).as("nothing was sent to Last.fm").isEqualTo(requests);
    }

    @Test
    void anOversizedOrUnknownTokenIsRefusedNamingTheTokenAndStoresNothing() {
        Api.User user = api().newUser();
        Api me = user.api();
        String path = BASE + "/listenbrainz";

        assertValidation(me.post(path, Map.of("user", "rob", "token", "not-a-token")), "token");
        assertValidation(me.post(path, Map.of("user", "rob", "token", "t".repeat(4_096))), "token");

        assertThat(list(user).path("connections")).isEmpty();
    }

    // ---- sync and disconnect of a stopped connection

    @Test
    void syncNowOfADisconnectedOrReauthorizationNeedingConnectionIs409AndRunsNothing() {
        Api.User user = connectedToListenBrainz();
        listenBrainz.revoke(user.username() + "-token"); // the user reset their token at ListenBrainz
        assertThat(syncNow(user, "listenbrainz").path("status").asString()).isEqualTo("needs_reauth");
        JsonNode reauth = list(user);
        int requests = fakeRequests();

        Api.Response r = user.api().post(BASE + "/listenbrainz/sync", null);

        assertProblem(r, 409, "RESOURCE_CONFLICT");
        assertThat(r.json().path("detail").asString()).contains("needs_reauth");
        assertThat(list(user)).isEqualTo(reauth);
        assertThat(fakeRequests()).isEqualTo(requests);

        assertThat(user.api().delete(BASE + "/listenbrainz").status()).isEqualTo(204);
        JsonNode disconnected = list(user);
        assertThat(disconnected.path("connections").get(0).path("status").asString()).isEqualTo("disconnected");

        Api.Response again = user.api().post(BASE + "/listenbrainz/sync", null);

        assertProblem(again, 409, "RESOURCE_CONFLICT");
        assertThat(again.json().path("detail").asString()).contains("disconnected");
        assertThat(list(user)).isEqualTo(disconnected);
        assertThat(fakeRequests()).isEqualTo(requests);
    }

    @Test
    void disconnectingTwiceAnswers204BothTimesAndChangesNothingTheSecondTime() {
        Api.User user = connectedToListenBrainz();

        assertThat(user.api().delete(BASE + "/listenbrainz").status()).isEqualTo(204);
        JsonNode once = list(user);
        Api.Response twice = user.api().delete(BASE + "/listenbrainz");

        // docs/api.md#connections: the row stays as disconnected, so a second DELETE finds it (RFC 9110 §9.2.2)
        assertThat(twice.status()).as(twice.body()).isEqualTo(204);
        assertThat(list(user)).isEqualTo(once);
        assertThat(once.path("connections")).hasSize(1);
        assertThat(once.path("connections").get(0).path("status").asString()).isEqualTo("disconnected");
        // a service never connected is not found
        assertProblem(user.api().delete(BASE + "/lastfm"), 404, "RESOURCE_NOT_FOUND");
        assertThat(list(user)).isEqualTo(once);
    }
}
