package org.tonearm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.tonearm.shared.DatabaseProperties;

/** The environment variable names the README's configuration table documents really reach the settings. */
class EnvironmentNamesTests {

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        // replaces the real environment under its real name: Spring maps TONEARM_DB_URL -> tonearm.db.url only
        // for a source called "systemEnvironment"
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(env);
        return env;
    }

    @Test
    void databaseSettingsBindFromTheDocumentedVariables() {
        StandardEnvironment env = environment(Map.of(
                "TONEARM_DATA_DIR", "/srv/tonearm",
                "TONEARM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/tonearm",
                "TONEARM_DB_USER", "tonearm",
                "TONEARM_DB_PASSWORD", "secret",
                "TONEARM_DB_POOL_SIZE", "7"));

        DatabaseProperties properties = Binder.get(env).bind("tonearm", DatabaseProperties.class).get();

        assertThat(properties.dataDir()).isEqualTo("/srv/tonearm");
        assertThat(properties.db().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/tonearm");
        assertThat(properties.db().user()).isEqualTo("tonearm");
        assertThat(properties.db().password()).isEqualTo("secret");
        assertThat(properties.db().poolSize()).isEqualTo(7);
    }

    @Test
    void portAndRegistrationResolveFromTheDocumentedVariables() {
        StandardEnvironment env = environment(Map.of(
                "TONEARM_PORT", "8080",
                "TONEARM_REGISTRATION", "invite"));

        // application.yaml: server.port: ${tonearm.port:3000}
        assertThat(env.resolvePlaceholders("${tonearm.port:3000}")).isEqualTo("8080");
        assertThat(env.getProperty("tonearm.registration")).isEqualTo("invite");
    }

    @Test
    void withoutVariablesTheDataDirDefaultsToDotData() {
        DatabaseProperties properties = Binder.get(environment(Map.of())).bindOrCreate("tonearm", DatabaseProperties.class);

        assertThat(properties.dataDir()).isEqualTo("./data");
        assertThat(properties.db().url()).isNull();
    }
}
