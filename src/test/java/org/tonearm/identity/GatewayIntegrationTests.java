package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/** docs/api.md#gateway gateway behaviour on the shared context: headers, errors as problem+json, size limits, API docs. */
class GatewayIntegrationTests extends IntegrationTestBase {

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).isEqualTo(code);
        assertThat(r.json().path("request_id").asString()).isEqualTo(r.header("X-Request-Id"));
    }

    @Test
    void everyAnswerCarriesRateLimitHeaders() {
        Api.User user = api().newUser();

        Api.Response first = user.api().get("/api/v1/me");
        Api.Response second = user.api().get("/api/v1/me");

        assertThat(Long.parseLong(first.header("X-RateLimit-Limit"))).isPositive();
        // the suite's limits are huge and refill within a millisecond; counting down is RateLimitIntegrationTests' job
        assertThat(Long.parseLong(second.header("X-RateLimit-Remaining")))
                .isBetween(0L, Long.parseLong(second.header("X-RateLimit-Limit")) - 1);
        assertThat(Long.parseLong(first.header("X-RateLimit-Reset"))).isGreaterThanOrEqualTo(System.currentTimeMillis() / 1000);
        assertThat(api().get("/api/v1/me").header("X-RateLimit-Limit")).isNotNull();
        assertThat(api().get("/1/validate-token").header("X-RateLimit-Limit")).isNotNull();
    }

    @Test
    void securityHeadersAreSetAndHstsOnlyBehindHttps() {
        Api.Response plain = api().get("/api/v1/me");

        assertThat(plain.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(plain.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(plain.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(plain.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(plain.header("Strict-Transport-Security")).isNull();

        Api.Response proxied = api().withHeader("X-Forwarded-Proto", "https").get("/api/v1/me");
        assertThat(proxied.header("Strict-Transport-Security")).contains("max-age=31536000");
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        Api.Response given = api().withHeader("X-Request-Id", "abc-123").get("/api/v1/me");
        Api.Response generated = api().get("/api/v1/me");

        assertThat(given.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(given.json().path("request_id").asString()).isEqualTo("abc-123");
        assertThat(generated.header("X-Request-Id")).hasSizeGreaterThan(8);
    }

    @Test
    void unknownRouteWrongMethodAndWrongMediaTypeAreProblemJson() {
        Api user = api().newUser().api();

        assertProblem(user.get("/api/v1/no-such-thing"), 404, "RESOURCE_NOT_FOUND");
        assertProblem(api().get("/no/such/page"), 404, "RESOURCE_NOT_FOUND");
        Api.Response method = api().send("DELETE", "/api/v1/auth/login", null, null);
        assertProblem(method, 405, "VALIDATION_ERROR");
        assertThat(method.header("Allow")).contains("POST");
        assertProblem(api().send("POST", "/api/v1/auth/login", "username=a", "text/plain"), 415, "VALIDATION_ERROR");
        assertProblem(api().send("POST", "/api/v1/auth/login", "{not json", "application/json"), 400, "VALIDATION_ERROR");
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        Api user = api().newUser().api();
        String huge = "{\"display_name\":\"" + "x".repeat(12 * 1024 * 1024) + "\"}";

        assertProblem(user.send("PATCH", "/api/v1/me", huge, "application/json"), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void oversizedChunkedBodyIsRefusedWith413() throws Exception {
        Api.User user = api().newUser();
        byte[] huge = ("{\"display_name\":\"" + "x".repeat(12 * 1024 * 1024) + "\"}").getBytes();
        // a publisher of unknown length makes the client send Transfer-Encoding: chunked
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + user.accessToken())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(huge)))
                .build();

        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void smallChunkedBodyStillWorks() throws Exception {
        Api.User user = api().newUser();
        byte[] body = "{\"display_name\":\"Chunky\"}".getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + user.accessToken())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body)))
                .build();

        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("Chunky");
    }

    @Test
    void crossOriginCallsAreNotAllowedByDefault() {
        Api.Response preflight = api().withHeader("Origin", "https://evil.example")
                .withHeader("Access-Control-Request-Method", "GET").send("OPTIONS", "/api/v1/me", null, null);

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void openApiDocumentDescribesTheNativeEndpointsAndTheDocsPageLoads() {
        Api.Response doc = api().get("/api/v1/openapi.json");

        assertThat(doc.status()).isEqualTo(200);
        var paths = doc.json().path("paths");
        assertThat(paths.has("/api/v1/me")).isTrue();
        assertThat(paths.has("/api/v1/auth/login")).isTrue();
        assertThat(paths.has("/api/v1/admin/users")).isTrue();
        assertThat(paths.path("/api/v1/auth/login").path("post").path("responses").has("429")).isTrue();
        assertThat(doc.json().path("components").path("schemas").has("Problem")).isTrue();
        // shapes are documented as they travel: snake_case
        assertThat(doc.json().path("components").path("schemas").path("MeResponse").path("properties").has("display_name"))
                .isTrue();

        Api.Response page = api().followRedirects().get("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    @Test
    void scriptAndSqlStringsAreStoredVerbatimAndNeverExecuted() {
        Api user = api().newUser().api();
        String script = "<script>alert('x')</script>";
        String sql = "Robert'); DROP TABLE users;--";

        assertThat(user.patch("/api/v1/me", Map.of("display_name", script)).status()).isEqualTo(200);
        Api.Response me = user.get("/api/v1/me");
        assertThat(me.header("Content-Type")).startsWith("application/json");
        assertThat(me.json().path("display_name").asString()).isEqualTo(script);

        assertThat(user.patch("/api/v1/me", Map.of("display_name", sql)).status()).isEqualTo(200);
        assertThat(user.get("/api/v1/me").json().path("display_name").asString()).isEqualTo(sql);
        Api.Response login = api().post("/api/v1/auth/login", Map.of("username", "x' OR '1'='1", "password", "' OR 1=1 --"));
        assertThat(login.status()).isIn(400, 401);
        assertThat(api().newUser().api().get("/api/v1/me").status()).isEqualTo(200); // users table still there
    }

    @Test
    void overLongFieldsAreRefusedNamingTheField() {
        Api user = api().newUser().api();

        Api.Response name = user.patch("/api/v1/me", Map.of("display_name", "n".repeat(101)));
        Api.Response username = api().post("/api/v1/auth/register", Map.of("username", "u".repeat(41), "password", "a fine password"));
        Api.Response tz = user.patch("/api/v1/me", Map.of("timezone", "Mars/Olympus_Mons"));

        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().path("errors").get(0).path("field").asString()).isEqualTo("display_name");
        assertThat(username.status()).isEqualTo(400);
        assertThat(username.json().path("errors").get(0).path("field").asString()).isEqualTo("username");
        assertThat(tz.json().path("errors").get(0).path("field").asString()).isEqualTo("timezone");
        assertThat(user.patch("/api/v1/me", Map.of("display_name", "n".repeat(100))).status()).isEqualTo(200);
    }
}
