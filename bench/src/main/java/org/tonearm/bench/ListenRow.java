package org.tonearm.bench;

import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.TimeStamp;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listens-table row an incoming listen becomes, computed outside the application for the raw JDBC
 * baseline: start time (END stamps minus the played duration), docs/api.md#classification classification with the default
 * thresholds, and the local day and hour (the benchmark's users are on UTC). {@code extra} (as JSON) and
 * {@code raw} are stored as the funnel stores them (imports carry both; the ingest benchmark's listens neither).
 */
record ListenRow(long userId, long trackId, Long albumId, long listenedAt, Long playedMs, Long lengthMs,
        String classification, double weight, String service, String channel, String origin, String client,
        String externalId, int localDay, int localHour, String extra, String raw) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ListenRow of(IncomingListen in, long trackId, Long albumId, Long catalogLengthMs) {
        Long played = in.durationPlayedMs();
        long start = in.stamp() == TimeStamp.END && played != null ? in.listenedAtMs() - played : in.listenedAtMs();
        Long length = in.credit().lengthMs() != null ? in.credit().lengthMs() : catalogLengthMs;
        String classification = classify(played, length);
        double weight = switch (classification) {
            case "SKIP" -> 0;
            case "PARTIAL" -> played < length / 2 && played < 240_000 ? 0.5 : 1;
            default -> 1;
        };
        return new ListenRow(in.userId(), trackId, albumId, start, played, length, classification, weight,
                in.service().wire(), in.channel().wire(), in.origin() != null ? in.origin() : in.channel().wire(),
                in.client(), in.externalId(), (int) Math.floorDiv(start, ListenerStream.DAY_MS),
                (int) (Math.floorMod(start, ListenerStream.DAY_MS) / 3_600_000L),
                in.extra() == null || in.extra().isEmpty() ? null : JSON.writeValueAsString(in.extra()), in.raw());
    }

    /** docs/api.md#classification thresholds: 30 s, 20 % and 80 % of the length; tracks under 30 s skip below 80 %. */
    static String classify(Long played, Long length) {
        if (played == null) {
            return "FULL";
        }
        if (length != null && length < 30_000) {
            return played < length * 0.8 ? "SKIP" : "FULL";
        }
        if (played < 30_000 || (length != null && played < length * 0.2)) {
            return "SKIP";
        }
        if (length != null && played < length * 0.8) {
            return "PARTIAL";
        }
        return "FULL";
    }
}
