package org.tonearm.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/** The machine's Redis (127.0.0.1:6379) for tests: skipped on a laptop without it, required under {@code CI=true}. */
public final class TestRedis {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 6379;

    private TestRedis() {}

    public static void require() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, PORT), 500);
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Redis is required under CI=true but is not reachable", e);
            }
            Assumptions.abort("Redis not reachable at " + HOST + ":" + PORT);
        }
    }
}
