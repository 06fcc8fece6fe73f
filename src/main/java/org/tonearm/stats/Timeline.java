package org.tonearm.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Plays over time, zero-filled: one bucket per step from the range's first local day to its last. */
public record Timeline(StatsRange range, Instant computedAt, Step step, List<Bucket> items) {

    /** {@code start} is the bucket's first local day (clipped to the range), {@code end} its last. */
    public record Bucket(LocalDate start, LocalDate end, Figures figures) {}
}
