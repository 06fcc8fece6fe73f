package org.tonearm.catalog.internal.resolve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.internal.persistence.CatalogRows.StoredTrack;

/**
 * Normalized key → id caches of committed catalog rows, size-bounded. Only rows known to be committed
 * go in: ids of rows created in a transaction wait in {@link PendingCatalogWrites} until it commits,
 * so a rollback never leaves an id here that points at nothing.
 */
@Component
class CatalogCaches {

    final Cache<String, Long> artists;
    final Cache<String, Long> albums;
    final Cache<String, StoredTrack> tracks;
    /**
     * Track id → ids of artists known to be credited on it. Credits only grow, so a cached set is never wrong, at
     * worst incomplete: an artist missing from it sends the resolver to the database, never a credit lost.
     */
    final Cache<Long, Set<Long>> credits;

    CatalogCaches(CatalogProperties properties) {
        artists = Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
        albums = Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
        tracks = Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
        credits = Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
    }

    void publish(PendingCatalogWrites writes) {
        artists.putAll(writes.artists);
        albums.putAll(writes.albums);
        tracks.putAll(writes.tracks);
        credits.putAll(writes.credits);
    }

    /** Forgets everything, e.g. after catalog entities were merged or deleted. */
    void clear() {
        artists.invalidateAll();
        albums.invalidateAll();
        tracks.invalidateAll();
        credits.invalidateAll();
    }
}
