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
        properties = {"tonearm.registration=open"})
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
