package org.tonearm.stats;

import java.time.LocalDate;

/** Consecutive local days with at least one play, {@code [first, last]} (docs/api.md#statistics); length 0 has null dates. */
public record Streak(int days, LocalDate first, LocalDate last) {

    public static final Streak NONE = new Streak(0, null, null);
}
