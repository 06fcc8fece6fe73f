package org.tonearm.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * First-ever plays (in the user's whole history) of artists, albums and tracks that fall inside the range, newest
 * first; {@code total} counts every discovery of the range, {@code items} is one page.
 */
public record Discoveries(StatsRange range, Instant computedAt, long total, int offset, List<Discovery> items) {

    public record Discovery(Entity kind, long id, String name, Instant firstListenedAt, LocalDate firstDay) {}
}
