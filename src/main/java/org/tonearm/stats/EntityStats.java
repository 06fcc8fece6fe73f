package org.tonearm.stats;

import java.time.Instant;
import java.util.List;

/**
 * One artist's, album's or track's page over a range: first and last listen (whole history), figures in the range,
 * the rank among the user's items of that kind in the range, the top tracks/albums inside and plays over time.
 * {@code featuredPlays} is the share of an artist's plays where it was a featured artist (0 for albums and tracks).
 */
public record EntityStats(StatsRange range, Instant computedAt, Entity kind, long id, String name,
        Instant firstListenedAt, Instant lastListenedAt, Figures figures, long featuredPlays, Integer rank,
        List<TopItem> topTracks, List<TopItem> topAlbums, Timeline timeline) {}
