package org.tonearm.listens.internal.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the bodies the listens API reads by hand (as a tree, so that an error names its field and a PATCH
 * tells an absent key from a null one), for the OpenAPI document only: the validators (ListenSubmissionValidator,
 * ListenCorrectionValidator, NowPlayingController) are what enforce them (docs/api.md#listen-shapes, #limits).
 */
final class ListenRequests {

    private ListenRequests() {}

    @Schema(name = "ListenIn", description = "A listen in (docs/api.md#listen-shapes)",
            requiredProperties = {"artist", "track", "listened_at"})
    record ListenIn(
            @Schema(description = "The credited artist as displayed, at most 512 characters") String artist,
            @Schema(description = "The individual artists, if known") List<String> artists,
            @Schema(description = "At most 512 characters") String track,
            String album,
            @Schema(types = {"string", "integer"}, description = "When the play started: ISO-8601 UTC "
                    + "(2024-05-01T12:00:00.000Z) or epoch seconds; from 2002-10-01 to one hour ahead") Object listenedAt,
            @Schema(description = "Milliseconds played, above 0, at most 24 days") Long durationPlayedMs,
            @Schema(description = "The track's length in milliseconds") Long trackLengthMs,
            @Schema(description = "spotify, apple_music, youtube_music, tidal, deezer, bandcamp, local or other") String service,
            @Schema(description = "The submitting client's name, at most 100 characters") String client,
            @Schema(description = "The source's id of this play, at most 200 characters") String externalId,
            @Schema(description = "Open metadata, kept with the listen") Map<String, Object> extra) {}

    @Schema(name = "ListenBatchIn", description = "A batch of listens", requiredProperties = "listens")
    record ListenBatchIn(@ArraySchema(minItems = 1, maxItems = 1000) List<ListenIn> listens) {}

    @Schema(name = "ListenPatch", description = "The fields to correct; an absent field stays, a null album removes it")
    record ListenPatch(String artist, List<String> artists, String track, String album, Long trackLengthMs) {}

    @Schema(name = "NowPlayingIn", description = "The listen-in shape without listened_at",
            requiredProperties = {"artist", "track"})
    record NowPlayingIn(String artist, List<String> artists, String track, String album, Long trackLengthMs,
            String service, String client) {}

    /** What {@code GET} and {@code PUT /api/v1/now-playing} answer. */
    @Schema(name = "NowPlayingEnvelope", requiredProperties = "now_playing")
    record NowPlayingEnvelope(NowPlayingOut nowPlaying) {}

    @Schema(name = "NowPlayingOut")
    record NowPlayingOut(String artist, List<String> artists, String track, String album, Long trackLengthMs,
            String service, String channel, String client, String startedAt, String expiresAt) {}
}
