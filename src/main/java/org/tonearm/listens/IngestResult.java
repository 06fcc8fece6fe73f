package org.tonearm.listens;

/** The outcome for one incoming listen; {@code listenId} is the stored row it created or landed in. */
public record IngestResult(IngestStatus status, long listenId) {}
