package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestApps;

/** docs/api.md#gateway token buckets per token and per IP, with an application of small, configured limits. */
class RateLimitIntegrationTests {

    private static TestApps.App app;

    @BeforeAll
    static void start() {
        app = TestApps.withDefaultLimits(Map.of(
                "tonearm.rate-limit.per-ip.capacity", "3", "tonearm.rate-limit.per-ip.period", "1h",
                "tonearm.rate-limit.per-token.capacity", "3", "tonearm.rate-limit.per-token.period", "1h",
                "tonearm.rate-limit.login-per-ip.capacity", "1000",
                "tonearm.gateway.cors-allowed-origins", "https://app.example.org"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    /** A user registered from an address of their own, so sign-ups do not eat the anonymous budget of the tests. */
    private static Api.User user() {
        return app.api().withHeader("X-Forwarded-For", "10.9.9." + ADDRESSES.incrementAndGet()).newUser();
    }

    @Test
    void aTokenGetsItsCapacityThenA429WithRetryAfterWhileAnotherTokenIsUnaffected() {
        Api.User ann = user();
        Api.User bob = user();

        for (int i = 3; i > 0; i--) {
            Api.Response ok = ann.api().get("/api/v1/me");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(i - 1));
        }
        Api.Response refused = ann.api().get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        // 3 per hour: the next token arrives after 20 minutes
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1190L, 1200L);
        assertThat(bob.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anonymousCallersAreLimitedPerAddress() {
        Api fromA = app.api().withHeader("X-Forwarded-For", "10.1.1.1");
        Api fromB = app.api().withHeader("X-Forwarded-For", "10.1.1.2");

        for (int i = 0; i < 3; i++) {
            assertThat(fromA.get("/api/v1/openapi.json").status()).isEqualTo(200);
        }

        assertThat(fromA.get("/api/v1/openapi.json").status()).isEqualTo(429);
        assertThat(fromA.get("/apis/listenbrainz/1/validate-token").status()).isEqualTo(429);
        assertThat(fromB.get("/api/v1/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void healthProbesAreNeverLimited() {
        Api from = app.api().withHeader("X-Forwarded-For", "10.2.2.2");
        for (int i = 0; i < 5; i++) {
            assertThat(from.get("/actuator/health").status()).isNotEqualTo(429);
        }
    }

    @Test
    void configuredOriginMayCallCrossOriginOthersMayNot() {
        Api.Response allowed = app.api().withHeader("X-Forwarded-For", "10.3.3.3").withHeader("Origin", "https://app.example.org")
                .withHeader("Access-Control-Request-Method", "GET").send("OPTIONS", "/api/v1/me", null, null);
        Api.Response refused = app.api().withHeader("X-Forwarded-For", "10.3.3.4").withHeader("Origin", "https://evil.example")
                .withHeader("Access-Control-Request-Method", "GET").send("OPTIONS", "/api/v1/me", null, null);

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.org");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }
}
