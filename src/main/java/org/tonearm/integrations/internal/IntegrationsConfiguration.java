package org.tonearm.integrations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.internal.connection.TokenCipher;
import org.tonearm.integrations.internal.http.ResilientHttpClient;
import org.tonearm.integrations.internal.lastfm.LastFmProperties;
import org.tonearm.integrations.internal.listenbrainz.ListenBrainzProperties;
import org.tonearm.integrations.internal.spotify.SpotifyProperties;
import org.tonearm.shared.DatabaseProperties;

/**
 * Wires the one outbound client; it serves both API interfaces ({@code ExternalHttp}, {@code ExternalServices}).
 * The Spotify base URLs may also be set as {@code tonearm.integrations.spotify.api-base-url} and
 * {@code accounts-base-url} (where operators of the Spotify integration look for them).
 */
@Configuration(proxyBeanMethods = false)
class IntegrationsConfiguration {

    @Bean
    ResilientHttpClient resilientHttpClient(IntegrationsProperties properties, SpotifyProperties spotify,
            LastFmProperties lastFm, ListenBrainzProperties listenBrainz, ObjectProvider<MeterRegistry> meters) {
        IntegrationsProperties effective = properties.withBaseUrl(ExternalService.SPOTIFY, spotify.apiBaseUrl())
                .withBaseUrl(ExternalService.SPOTIFY_ACCOUNTS, spotify.accountsBaseUrl())
                .withBaseUrl(ExternalService.LASTFM, lastFm.apiBaseUrl())
                .withBaseUrl(ExternalService.LISTENBRAINZ, listenBrainz.apiBaseUrl());
        ResilientHttpClient client = new ResilientHttpClient(effective, version(), Clock.systemUTC());
        meters.ifAvailable(client::bindMetrics);
        return client;
    }

    /** The time of the connections (scheduling, OAuth state expiry). */
    @Bean
    Clock integrationsClock() {
        return Clock.systemUTC();
    }

    /** Seals connection secrets (AES-GCM); the key from configuration or {@code <data-dir>/integrations.key}. */
    @Bean
    TokenCipher tokenCipher(@Value("${tonearm.integrations.encryption-key:}") String key, DatabaseProperties data) {
        return TokenCipher.load(key, Path.of(data.dataDir()));
    }

    /** From the jar's manifest (Implementation-Version, written by spring-boot-starter-parent); "dev" from an IDE. */
    private static String version() {
        String v = IntegrationsConfiguration.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
