package org.tonearm.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.TimeStamp;
import tools.jackson.databind.json.JsonMapper;

/**
 * One listen in the native API's shape (docs/api.md#listen-shapes), and the {@link IncomingListen} the API's
 * mapper makes of it (channel NATIVE_API, stamped at the start, the item's JSON kept as {@code raw}), so that the
 * in-process side of {@link HttpIngestBenchmark} ingests exactly what the HTTP side's server ingests.
 */
record ApiListen(String artist, List<String> artists, String track, String album, long listenedAtMs, Long playedMs,
        Long lengthMs, String service, String client) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A generated listen as a native-API client would send it: END stamps become the start (docs/api.md#time-stamps). */
    static ApiListen of(IncomingListen in) {
        TrackCredit c = in.credit();
        long start = in.listenedAtMs();
        if (in.stamp() == TimeStamp.END) {
            Long back = in.durationPlayedMs() != null ? in.durationPlayedMs() : c.lengthMs();
            start -= back == null ? 0 : back;
        }
        return new ApiListen(c.artist(), c.artists(), c.title(), c.album(), start, in.durationPlayedMs(), c.lengthMs(),
                in.service().wire(), in.client());
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artist", artist);
        if (artists != null && !artists.isEmpty()) {
            m.put("artists", artists);
        }
        m.put("track", track);
        if (album != null) {
            m.put("album", album);
        }
        m.put("listened_at", Instant.ofEpochMilli(listenedAtMs).toString());
        if (playedMs != null) {
            m.put("duration_played_ms", playedMs);
        }
        if (lengthMs != null) {
            m.put("track_length_ms", lengthMs);
        }
        m.put("service", service);
        if (client != null) {
            m.put("client", client);
        }
        return m;
    }

    /** What {@code IncomingListenMapper} makes of this item for {@code userId}. */
    IncomingListen incoming(long userId) {
        TrackCredit credit = new TrackCredit(artist, artists == null ? List.of() : artists, track, album, lengthMs,
                Identifiers.NONE);
        return new IncomingListen(userId, credit, listenedAtMs, TimeStamp.START, playedMs,
                org.tonearm.listens.Service.fromWire(service), Channel.NATIVE_API, null, client, null, null,
                JSON.writeValueAsString(json()));
    }

    /** {@code {"listens": […]}}, the batch body. */
    static byte[] body(List<ApiListen> batch) {
        return JSON.writeValueAsBytes(Map.of("listens", batch.stream().map(ApiListen::json).toList()));
    }
}
