package org.tonearm.integrations.internal.musicbrainz;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tonearm.catalog.CatalogEnrichment;
import org.tonearm.integrations.ExternalHttp;

/** The enrichment worker, only when {@code tonearm.integrations.musicbrainz.enabled} is true (default false). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tonearm.integrations.musicbrainz", name = "enabled", havingValue = "true")
class MusicBrainzConfiguration {

    @Bean
    EnrichmentWorker musicBrainzEnrichmentWorker(CatalogEnrichment catalog, ExternalHttp http,
            MusicBrainzProperties properties) {
        return new EnrichmentWorker(catalog, new MusicBrainzClient(http, version(), properties.userAgentContact()),
                properties, Clock.systemUTC());
    }

    /** From the jar's manifest (Implementation-Version); "dev" from an IDE or the test classpath. */
    private static String version() {
        String v = ExternalHttp.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
