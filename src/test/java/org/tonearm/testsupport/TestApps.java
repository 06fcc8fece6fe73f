package org.tonearm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;

/**
 * A whole application started by a test with settings of its own (a database behind a {@link TcpProxy}, short
 * timeouts), on the database of the run; on SQLite with a data directory of its own.
 */
public final class TestApps {

    private TestApps() {}

    public record App(ConfigurableApplicationContext context, Api api) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    /** An application whose rate limits never get in a test's way (fault tests send many requests quickly). */
    public static App start(Map<String, Object> settings) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("tonearm.rate-limit.per-ip.capacity", "1000000");
        props.put("tonearm.rate-limit.per-token.capacity", "1000000");
        props.put("tonearm.rate-limit.login-per-ip.capacity", "1000000");
        props.putAll(settings);
        return withDefaultLimits(props);
    }

    /** An application with the configured rate limits, e.g. for the tests of those limits. */
    public static App withDefaultLimits(Map<String, Object> settings) {
        Map<String, Object> props = new LinkedHashMap<>(TestDatabase.properties());
        if (!TestDatabase.isPostgres()) {
            try {
                // its own SQLite file (and signing key), so it does not write into the shared context's file
                props.put("tonearm.data-dir", Files.createTempDirectory("tonearm-app-").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        props.put("server.port", "0");
        props.put("tonearm.registration", "open");
        props.put("spring.jmx.enabled", "false");
        props.putAll(settings);
        // as command-line arguments: they take precedence over application.yaml (default properties would not)
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TonearmApplication.class).run(args);
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new App(context, new Api(port));
    }
}
