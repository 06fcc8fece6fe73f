package org.tonearm.catalog.internal.resolve;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Catalog settings ({@code tonearm.catalog.*}).
 *
 * @param cacheSize entries per key → id cache (artists, albums, tracks); the ingest path resolves most
 *                  credits from these without touching the database
 */
@ConfigurationProperties("tonearm.catalog")
public record CatalogProperties(int cacheSize) {

    public CatalogProperties {
        if (cacheSize <= 0) {
            cacheSize = 200_000;
        }
    }
}
