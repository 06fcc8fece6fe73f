package org.tonearm.listens.internal.persistence;

/**
 * One stored listen as the read side returns it. Enum-like columns are kept as stored text; the web
 * mapper turns them into wire values.
 */
public record ListenRow(long id, long userId, long trackId, Long albumId, long listenedAt, Long durationPlayedMs,
        Long trackLengthMs, String classification, double weight, String service, String channel, String client,
        String externalId, String extra, int mergeCount) {}
