package org.tonearm.compat.listenbrainz;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The ListenBrainz wire records, named exactly like the protocol's fields (the application's JSON naming is
 * snake_case, so {@code listenedAt} is written as {@code listened_at}). Shapes follow listenbrainz-server
 * ({@code Listen.to_api}, {@code NowPlayingListen.to_api}, views/api.py) and the JSON docs.
 */
final class ListenBrainzWire {

    private ListenBrainzWire() {}

    /** {@code track_metadata}; {@code release_name} is left out when unknown, as ListenBrainz stores it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrackMetadata(String artistName, String trackName, String releaseName, Map<String, Object> additionalInfo) {}

    /** One listen of {@code user/{user}/listens}. */
    record Listen(TrackMetadata trackMetadata, long listenedAt, String recordingMsid, String userName, long insertedAt) {}

    /** The listen of {@code user/{user}/playing-now}: no {@code listened_at}. */
    record PlayingNowListen(TrackMetadata trackMetadata, boolean playingNow) {}

    record ListensPayload(String userId, int count, List<Listen> listens, long latestListenTs, long oldestListenTs) {}

    record PlayingNowPayload(int count, String userId, boolean playingNow, List<PlayingNowListen> listens) {}

    record CountPayload(long count) {}

    record Envelope<T>(T payload) {}

    record Status(String status) {
        static final Status OK = new Status("ok");
    }

    /** {@code validate-token}: {@code user_name} only for a valid token. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenValidity(int code, String message, boolean valid, String userName) {}
}
