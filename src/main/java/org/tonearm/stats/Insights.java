package org.tonearm.stats;

import java.time.Instant;
import java.util.List;

/**
 * The artists whose plays rose or fell the most against the previous period, as data a page turns into sentences;
 * empty for all_time.
 */
public record Insights(StatsRange range, Instant computedAt, List<Mover> risers, List<Mover> fallers) {

    /** {@code percent} is null when the artist had no play in the previous period. */
    public record Mover(long artistId, String name, long plays, long previousPlays, long delta, Double percent) {}
}
