package org.tonearm.stats;

/** Top lists rank by plays or by listening time; ties by the other figure, then by id (stable pages). */
public enum TopOrder {
    PLAYS,
    TIME
}
