package org.tonearm.stats;

/** Timeline buckets; weeks begin on the user's week start. */
public enum Step {
    DAY,
    WEEK,
    MONTH,
    YEAR
}
