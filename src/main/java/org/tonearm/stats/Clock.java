package org.tonearm.stats;

import java.time.Instant;
import java.util.List;

/** Plays by local hour of day, 24 entries (0..23), zero-filled. */
public record Clock(StatsRange range, Instant computedAt, List<Hour> items) {

    public record Hour(int hour, long plays, long listeningTimeMs) {}
}
