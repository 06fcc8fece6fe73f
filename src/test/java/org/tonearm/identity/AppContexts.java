package org.tonearm.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestDatabase;

/**
 * Whole applications started by a test with settings of their own (small rate limits, Redis), on the database of
 * the run. Each gets its own SQLite file (and signing key) so it does not write into the shared context's file.
 */
final class AppContexts {

    private AppContexts() {}

    record App(ConfigurableApplicationContext context, Api api) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    static App start(Map<String, Object> settings) {
        Map<String, Object> props = new LinkedHashMap<>(TestDatabase.properties());
        if (!TestDatabase.isPostgres()) {
            try {
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
