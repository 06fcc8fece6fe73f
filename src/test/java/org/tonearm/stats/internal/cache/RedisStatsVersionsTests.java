package org.tonearm.stats.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tonearm.shared.RedisConnector;
import org.tonearm.shared.RedisProperties;
import org.tonearm.stats.StatsRange;
import org.tonearm.testsupport.TcpProxy;

/**
 * Versions shared through Redis (issue 11 item 6, the machine's Redis at 127.0.0.1:6379, as in
 * RedisRateLimitIntegrationTests): two nodes see each other's bumps; without Redis the cache is bypassed and answers
 * stay right; bumps made during an outage reach the other nodes once Redis is back. Skipped without Redis, except
 * under {@code CI=true}.
 */
class RedisStatsVersionsTests {

    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    final String prefix = "tonearm-test-" + UUID.randomUUID() + ":";
    final List<RedisConnector> connectors = new java.util.ArrayList<>();

    static void requireRedis() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, PORT), 500);
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Redis is required under CI=true", e);
            }
            Assumptions.abort("Redis not reachable at " + HOST + ":" + PORT);
        }
    }

    RedisConnector connect(int port) {
        // generous timeout: the test machine is busy; slowness is not under test
        RedisConnector c = new RedisConnector(new RedisProperties("redis://" + HOST + ":" + port, Duration.ofSeconds(2), prefix));
        connectors.add(c);
        return c;
    }

    @AfterEach
    void cleanUp() {
        connectors.forEach(RedisConnector::close);
        if (connectors.isEmpty()) {
            return;
        }
        RedisConnector c = new RedisConnector(new RedisProperties("redis://" + HOST + ":" + PORT, Duration.ofSeconds(2), prefix));
        try {
            var keys = c.connection().sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                c.connection().sync().del(keys.toArray(String[]::new));
            }
        } catch (RuntimeException ignored) {
            // nothing written
        } finally {
            c.close();
        }
    }

    @Test
    void aBumpOnOneNodeChangesTheVersionOnTheOther() {
        requireRedis();
        StatsVersions a = new StatsVersions(connect(PORT));
        StatsVersions b = new StatsVersions(connect(PORT));
        String before = b.current(7);
        String otherUser = b.current(8);
        assertThat(before).isNotNull();
        a.bump(7);
        assertThat(b.current(7)).isNotEqualTo(before);
        assertThat(b.current(8)).isEqualTo(otherUser);
    }

    @Test
    void aCreditGrowthOnOneNodeChangesEveryUsersVersionOnTheOther() {
        requireRedis();
        StatsVersions a = new StatsVersions(connect(PORT));
        StatsVersions b = new StatsVersions(connect(PORT));
        String seven = b.current(7);
        String eight = b.current(8);
        a.bumpEveryone(); // a track's credits grew on node A (docs/api.md#catalog)
        assertThat(b.current(7)).isNotNull().isNotEqualTo(seven);
        assertThat(b.current(8)).isNotNull().isNotEqualTo(eight);
        String after = b.current(7);
        a.bump(8);
        assertThat(b.current(7)).as("another user's write leaves this user's version").isEqualTo(after);
    }

    @Test
    void answersCachedOnOneNodeAreNotServedAfterAWriteOnAnother() {
        requireRedis();
        StatsVersions a = new StatsVersions(connect(PORT));
        StatsVersions b = new StatsVersions(connect(PORT));
        AtomicInteger data = new AtomicInteger(1);
        StatsCache cacheOfB = new StatsCache(new StatsCacheProperties(true, 100L, Duration.ofMinutes(1)), b,
                new SimpleMeterRegistry(), Clock.systemUTC());
        StatsRange r = StatsCacheTests.range("year", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        assertThat(cacheOfB.get(7, "overview", r, List.of(), data::get)).isEqualTo(1);
        data.set(2); // node A writes...
        a.bump(7); // ...and bumps after its commit
        assertThat(cacheOfB.get(7, "overview", r, List.of(), data::get)).isEqualTo(2);
    }

    @Test
    void unreachableRedisBypassesTheCacheAndAnswersStayRight() throws IOException {
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort(); // closed: nothing listens there
        }
        StatsVersions versions = new StatsVersions(connect(unused));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StatsCache cache = new StatsCache(new StatsCacheProperties(true, 100L, Duration.ofMinutes(1)), versions, meters,
                Clock.systemUTC());
        StatsRange r = StatsCacheTests.range("year", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        AtomicInteger data = new AtomicInteger(1);
        assertThat(cache.get(7, "overview", r, List.of(), data::get)).isEqualTo(1);
        versions.bump(7); // does not throw
        data.set(2);
        assertThat(cache.get(7, "overview", r, List.of(), data::get)).isEqualTo(2);
        assertThat(meters.find("tonearm.stats.cache").tag("result", "hit").counter().count()).isZero();
    }

    @Test
    void bumpsMadeDuringAnOutageReachTheOtherNodesWhenRedisIsBack() throws Exception {
        requireRedis();
        try (TcpProxy proxy = new TcpProxy(HOST, PORT)) {
            StatsVersions a = new StatsVersions(connect(proxy.port()));
            StatsVersions b = new StatsVersions(connect(PORT));
            String before = b.current(7);
            assertThat(a.current(7)).isNotNull();
            proxy.cut();
            a.bump(7);
            assertThat(a.current(7)).as("unknown while Redis is away").isNull();
            assertThat(b.current(7)).isEqualTo(before);
            proxy.restore();
            String after = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (after == null && System.nanoTime() < deadline) { // reconnect and back-off take a few seconds
                Thread.sleep(200);
                after = a.current(7);
            }
            assertThat(after).isNotNull();
            assertThat(b.current(7)).isNotEqualTo(before);
        }
    }
}
