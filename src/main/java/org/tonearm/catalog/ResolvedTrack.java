package org.tonearm.catalog;

/** The catalog entries one {@link TrackCredit} resolved to. */
public record ResolvedTrack(long trackId, Long albumId, Long trackLengthMs) {}
