package org.tonearm.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tonearm.shared.Database;

/**
 * Base of every {@code …IntegrationTests}: the whole application on a random port, on the database the
 * run selected (see {@link TestDatabase}). All classes share one context and one database per JVM, so
 * tests isolate themselves by creating their own users ({@link Api#newUser}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tonearm.registration=open",
            // the whole suite shares one context and calls from 127.0.0.1: gateway limits are tested in contexts
            // of their own (RateLimitIntegrationTests), not tripped over by every other test
            "tonearm.rate-limit.per-ip.capacity=1000000", "tonearm.rate-limit.login-per-ip.capacity=1000000",
            "tonearm.rate-limit.per-token.capacity=1000000",
            // import tests stop, fail and cancel jobs at batch boundaries of 1,000 rows (the default is 5,000)
            "tonearm.imports.batch-size=1000",
            // Spotify offered (connect answers an authorize URL) but pointing at nothing: the Spotify tests start
            // contexts of their own against WireMock (integrations.internal.spotify)
            "tonearm.integrations.spotify.client-id=tonearm-test",
            "tonearm.integrations.spotify.accounts-base-url=http://127.0.0.1:9",
            "tonearm.integrations.spotify.api-base-url=http://127.0.0.1:9"})
public abstract class IntegrationTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Database database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected Api api() {
        return new Api(port);
    }
}
