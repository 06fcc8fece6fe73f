package org.tonearm.imports.internal.persistence;

/** One stored listen as the exports write it (the native listen-in shape, SPEC §8). */
public record ExportedListen(long listenedAt, String artist, String track, String album, Long durationPlayedMs,
        Long trackLengthMs, String service, String client, String externalId, String extra) {}
