package org.tonearm.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.tonearm.integrations.ExternalService;

/** The settings of docs/operations.md#external-services, bound from environment variables as written there. */
class IntegrationsPropertiesTests {

    private static IntegrationsProperties fromEnvironment(Map<String, Object> env) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                "systemEnvironment", env));
        return new Binder(ConfigurationPropertySources.from(sources)).bind("tonearm.integrations",
                IntegrationsProperties.class).orElseGet(IntegrationsProperties::defaults);
    }

    @Test
    void withNothingSetTheDocumentedDefaultsAndTheRealServicesApply() {
        IntegrationsProperties p = fromEnvironment(Map.of());

        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.maxAttempts()).isEqualTo(3);
        assertThat(p.breakerFailures()).isEqualTo(5);
        assertThat(p.breakerOpenFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.baseUrl(ExternalService.MUSICBRAINZ)).isEqualTo(URI.create("https://musicbrainz.org"));
        assertThat(p.requestsPerSecond(ExternalService.MUSICBRAINZ)).isEqualTo(1);
        assertThat(p.requestsPerSecond(ExternalService.SPOTIFY)).isEqualTo(50);
        assertThat(p.contact()).isEqualTo(IntegrationsProperties.DEFAULT_CONTACT);
    }

    @Test
    void theEnvironmentVariablesOfTheOperationsGuideBind() {
        IntegrationsProperties p = fromEnvironment(Map.of(
                "TONEARM_INTEGRATIONS_CONTACT", "mailto:ops@example.org",
                "TONEARM_INTEGRATIONS_BREAKER_OPEN_FOR", "1s",
                "TONEARM_INTEGRATIONS_READ_TIMEOUT", "300ms",
                "TONEARM_INTEGRATIONS_SERVICES_SPOTIFY_BASEURL", "http://127.0.0.1:8089",
                "TONEARM_INTEGRATIONS_SERVICES_MUSICBRAINZ_REQUESTSPERSECOND", "5"));

        assertThat(p.contact()).isEqualTo("mailto:ops@example.org");
        assertThat(p.breakerOpenFor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.readTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(p.baseUrl(ExternalService.SPOTIFY)).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(p.baseUrl(ExternalService.LASTFM)).isEqualTo(URI.create("https://ws.audioscrobbler.com"));
        assertThat(p.requestsPerSecond(ExternalService.MUSICBRAINZ)).isEqualTo(5);
    }
}
