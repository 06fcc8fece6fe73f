package org.tonearm.stats;

import java.time.Instant;
import java.util.List;

/**
 * Plays of a range broken down by what MusicBrainz enrichment tells of their tracks (docs/api.md#statistics
 * "Genres, artist map and eras"): top genres, plays per artist country, plays per release decade.
 *
 * @param total number of buckets (genres, countries, decades) with plays
 * @param items this page of buckets
 * @param unknown the plays whose track has no genre / no artist with a country / no release year yet (not in
 *        {@code items}; their key is null)
 */
public record Breakdown(StatsRange range, Instant computedAt, long total, int offset, List<Bucket> items,
        Bucket unknown) {

    /**
     * @param key the genre, the ISO 3166-1 alpha-2 country code or the decade ("1990")
     * @param artists for the artist map: the distinct artists of that country with plays; 0 otherwise
     */
    public record Bucket(String key, long plays, long listeningTimeMs, long artists) {}
}
