package org.tonearm.listens;

import java.util.List;

/**
 * Published synchronously inside the write transaction of every change to a user's stored listens — an ingest batch
 * (created and merged listens), a correction, a delete, a range delete — so that listeners (the statistics rollups,
 * docs/architecture.md "Statistics stay above listens") adjust in the same transaction: a failing listener rolls the
 * write back. {@code removed} holds the listens' values before the change, {@code added} after it (a merge or a
 * correction is both); ids and figures only.
 */
public record ListensChanged(long userId, List<Fact> removed, List<Fact> added) {

    /**
     * What statistics need of one listen.
     *
     * @param localDay  the user's local calendar day (epoch day) at insert
     * @param localHour the user's local hour at insert
     * @param skip      classification SKIP (docs/api.md#classification): not a play
     * @param listenedAt the listen's instant (epoch ms; statistics keep each track's first play)
     */
    public record Fact(long listenId, int localDay, int localHour, long trackId, Long albumId, boolean skip,
            double weight, Long durationPlayedMs, Long trackLengthMs, long listenedAt) {}
}
