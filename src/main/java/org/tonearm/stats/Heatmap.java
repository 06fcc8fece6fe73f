package org.tonearm.stats;

import java.time.Instant;
import java.util.List;

/**
 * Plays by local weekday × local hour at the moment of each listen (DST-aware, docs/api.md#statistics): 7 × 24 cells, weekdays as
 * ISO numbers (1 = Monday … 7 = Sunday) listed from the user's week start, hours 0..23.
 */
public record Heatmap(StatsRange range, Instant computedAt, List<Cell> items) {

    public record Cell(int weekday, int hour, long plays, long listeningTimeMs) {}
}
