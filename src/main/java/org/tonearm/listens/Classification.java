package org.tonearm.listens;

/** docs/api.md#classification: FULL (weight 1), PARTIAL (0.5 or 1), SKIP (0; stored, never counted as a play). */
public enum Classification {
    FULL,
    PARTIAL,
    SKIP
}
