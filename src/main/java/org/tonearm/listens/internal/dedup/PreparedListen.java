package org.tonearm.listens.internal.dedup;

/**
 * An incoming listen after normalization and catalog resolution: start time, track and source known.
 *
 * @param index the position in the caller's batch, for index-aligned results
 */
public record PreparedListen(int index, long userId, long trackId, Long albumId, Long trackLengthMs, SourceStamp stamp,
        String extraJson) {

    public long startMs() {
        return stamp.listenedAt();
    }
}
