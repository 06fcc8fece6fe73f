package org.tonearm.stats;

/** An item's rank against the previous period: NEW when it had no play there; NONE for all_time. */
public enum Movement {
    NEW,
    UP,
    DOWN,
    SAME,
    NONE
}
