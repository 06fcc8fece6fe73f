package org.tonearm.listens;

/** What the funnel did with one incoming listen (docs/api.md#listen-shapes {@code status}). */
public enum IngestStatus {
    /** stored as a new listen */
    CREATED,
    /** the same real play from another source: folded into an existing listen, the merge counted */
    MERGED,
    /** already recorded from the same source (a resend): nothing changed */
    DUPLICATE,
    /** not a real play ({@link ListenSanity}): nothing stored, {@link IngestResult#refusal()} says why */
    REFUSED
}
