package org.tonearm.stats;

import java.time.Instant;
import java.util.Map;

/**
 * The overview of a range. {@code changes} maps a figure name ({@code plays}, {@code listening_time_ms},
 * {@code unique_tracks}, {@code unique_artists}, {@code unique_albums}, {@code skip_rate}) to its change against the
 * previous period; it is null for all_time (docs/api.md#statistics: "none for all_time").
 */
public record Overview(StatsRange range, Instant computedAt, Figures figures, long uniqueTracks, long uniqueArtists,
        long uniqueAlbums, Streak currentStreak, Streak longestStreak, Map<String, Change> changes) {}
