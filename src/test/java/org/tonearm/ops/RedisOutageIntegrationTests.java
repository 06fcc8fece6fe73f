package org.tonearm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TcpProxy;
import org.tonearm.testsupport.TestApps;
import org.tonearm.testsupport.TestDatabase;
import org.tonearm.testsupport.TestRedis;

/**
 * Issue #16 item 3: Redis goes away (a {@link TcpProxy} between Tonearm and Redis is cut). Requests keep being
 * answered without waiting on Redis, with this node's in-memory rate limits (docs/api.md#gateway, docs/operations.md);
 * {@code /health/redis} says DOWN promptly with the time of the last success and UP again by itself once Redis
 * is back. Redis does not depend on the database, so this runs once, in the SQLite run.
 */
class RedisOutageIntegrationTests {

    private static final long ANSWER_WITHIN_MS = 5_000;

    @Test
    void requestsFallBackToMemoryWhileRedisIsCutAndHealthComesBackByItself() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "independent of the database: runs in the SQLite run");
        TestRedis.require();
        String prefix = "tonearm-test-" + UUID.randomUUID() + ":";
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 6379);
                TestApps.App app = TestApps.start(Map.of("tonearm.redis.url", "redis://127.0.0.1:" + proxy.port(),
                        "tonearm.redis.key-prefix", prefix,
                        // generous for a busy CI machine; what is tested is that a cut costs no more than this
                        "tonearm.redis.timeout", "1s", "tonearm.health.timeout", "2s",
                        "tonearm.rate-limit.per-ip.capacity", "100"))) {
            Api client = app.api().withHeader("X-Forwarded-For", "10.7.7.7");
            assertThat(client.get("/health/redis").status()).isEqualTo(200);
            // built on its first request (seconds of CPU, no Redis): not what is timed below
            assertThat(client.get("/api/v1/openapi.json").status()).isEqualTo(200);

            proxy.cut();

            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Api.Response r = client.get("/api/v1/openapi.json");
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("X-RateLimit-Limit")).as("limited from memory").isEqualTo("100");
                assertThat(ms).as("no request waits on Redis beyond its 1 s timeout").isLessThan(2_000);
            }
            long start = System.nanoTime();
            Api.Response down = client.get("/health/redis");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(ANSWER_WITHIN_MS);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().path("status").asString()).isEqualTo("DOWN");
            assertThat(down.json().path("details").path("reason").asString()).isNotBlank();
            assertThat(down.json().path("details").path("last_success").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(client.get("/health/ready").status()).as("Redis is not part of readiness").isEqualTo(200);

            proxy.restore();

            long deadline = System.currentTimeMillis() + 10_000;
            int status = 0;
            while (System.currentTimeMillis() < deadline && status != 200) {
                Thread.sleep(250);
                status = client.get("/health/redis").status();
            }
            assertThat(status).as("UP again by itself within 10 s").isEqualTo(200);
        } finally {
            cleanUp(prefix);
        }
    }

    private static void cleanUp(String prefix) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:6379");
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
