package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestApps;

/**
 * Rate limits shared through Redis (docs/api.md#gateway, docs/architecture.md: Redis on 127.0.0.1:6379). Skipped without Redis,
 * but under {@code CI=true} a missing Redis fails the build, like PostgreSQL in TestDatabase.
 */
class RedisRateLimitIntegrationTests {

    static final String URL = "redis://127.0.0.1:6379";

    static void requireRedis(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Redis is required under CI=true but is not reachable at " + host + ":" + port, e);
            }
            Assumptions.abort("Redis not reachable at " + host + ":" + port);
        }
    }

    private static Map<String, Object> settings(String url, String prefix) {
        // a generous command timeout: the test machine is shared and busy; fallback on slowness is not under test here
        return Map.of("tonearm.redis.url", url, "tonearm.redis.key-prefix", prefix, "tonearm.redis.timeout", "2s",
                "tonearm.rate-limit.per-ip.capacity", "4", "tonearm.rate-limit.per-ip.period", "1h");
    }

    @Test
    void twoNodesSharingRedisShareOneBudget() {
        requireRedis("127.0.0.1", 6379);
        String prefix = "tonearm-test-" + UUID.randomUUID() + ":";
        try (TestApps.App a = TestApps.withDefaultLimits(settings(URL, prefix)); TestApps.App b = TestApps.withDefaultLimits(settings(URL, prefix))) {
            Api nodeA = a.api().withHeader("X-Forwarded-For", "10.5.5.5");
            Api nodeB = b.api().withHeader("X-Forwarded-For", "10.5.5.5");

            assertThat(nodeA.get("/api/v1/openapi.json").status()).isEqualTo(200);
            assertThat(nodeB.get("/api/v1/openapi.json").status()).isEqualTo(200);
            assertThat(nodeA.get("/api/v1/openapi.json").status()).isEqualTo(200);
            Api.Response lastOne = nodeB.get("/api/v1/openapi.json");
            assertThat(lastOne.status()).isEqualTo(200);
            assertThat(lastOne.header("X-RateLimit-Remaining")).isEqualTo("0");

            assertThat(nodeA.get("/api/v1/openapi.json").status()).isEqualTo(429);
            assertThat(nodeB.get("/api/v1/openapi.json").status()).isEqualTo(429);
            Api.Response health = a.api().get("/actuator/health");
            assertThat(health.json().path("components").path("redis").path("status").asString()).isEqualTo("UP");
        } finally {
            RedisClient client = RedisClient.create(URL);
            try (var c = client.connect()) {
                var keys = c.sync().keys(prefix + "*");
                if (!keys.isEmpty()) {
                    c.sync().del(keys.toArray(String[]::new));
                }
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void whenRedisGoesAwayRequestsKeepWorkingOnMemoryAndHealthShowsRedisDown() throws Exception {
        requireRedis("127.0.0.1", 6379); // the machine has Redis, so it has redis-server to start a private one
        File server = new File("/usr/bin/redis-server");
        if (!server.canExecute()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("redis-server is required under CI=true");
            }
            Assumptions.abort("no redis-server binary to start a private Redis");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process redis = new ProcessBuilder(server.getPath(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitForPort(port);
            try (TestApps.App app = TestApps.withDefaultLimits(Map.of("tonearm.redis.url", "redis://127.0.0.1:" + port,
                    "tonearm.rate-limit.per-ip.capacity", "100"))) {
                Api client = app.api().withHeader("X-Forwarded-For", "10.6.6.6");
                assertThat(client.get("/api/v1/openapi.json").status()).isEqualTo(200);
                assertThat(client.get("/actuator/health").json().path("components").path("redis").path("status").asString())
                        .isEqualTo("UP");

                redis.destroy();
                redis.waitFor();

                for (int i = 0; i < 5; i++) {
                    Api.Response r = client.get("/api/v1/openapi.json");
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.header("X-RateLimit-Limit")).isEqualTo("100");
                }
                Api.Response health = client.get("/actuator/health");
                assertThat(health.json().path("components").path("redis").path("status").asString()).isEqualTo("DOWN");
                Api.Response redisHealth = client.get("/health/redis");
                assertThat(redisHealth.status()).isEqualTo(503);
                assertThat(redisHealth.json().path("status").asString()).isEqualTo("DOWN");
                assertThat(client.get("/health").json().path("components").path("redis").path("status").asString())
                        .isEqualTo("DOWN");
            }
        } finally {
            redis.destroyForcibly();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("private redis-server did not start on " + port);
    }
}
