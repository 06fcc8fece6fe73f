package org.tonearm.listens.internal.dedup;

import org.tonearm.listens.IngestStatus;

/** What deduplication decided for one prepared listen, and the working listen it created or landed in. */
public record Decision(PreparedListen listen, IngestStatus status, WorkingListen target) {}
