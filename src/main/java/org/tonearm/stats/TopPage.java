package org.tonearm.stats;

import java.time.Instant;
import java.util.List;

/** A page of a top list: {@code total} = number of items with a play in the range. */
public record TopPage(StatsRange range, Instant computedAt, Entity kind, TopOrder order, long total, int offset,
        List<TopItem> items) {}
