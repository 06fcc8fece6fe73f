package org.tonearm.stats;

import java.time.Instant;

/** The current streak (as of today, alive if the last play was today or yesterday) and the longest inside the range. */
public record Streaks(StatsRange range, Instant computedAt, Streak current, Streak longest) {}
