package org.tonearm.listens.internal.web;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A listen out (docs/api.md#listen-shapes): {@code {id, listened_at, track:{id, title, artists:[{id, name, role}]},
 * album:{id, title}|null, duration_played_ms, track_length_ms, classification, weight, service, channel,
 * client}}, extended with {@code external_id}, {@code extra} and {@code merge_count}. Keys are snake_case
 * through the application's naming strategy.
 */
record ListenJson(long id, String listenedAt, TrackJson track, AlbumJson album, Long durationPlayedMs,
        Long trackLengthMs, String classification, double weight, String service, String channel, String client,
        String externalId, JsonNode extra, int mergeCount) {

    record TrackJson(long id, String title, List<ArtistJson> artists) {}

    record ArtistJson(long id, String name, String role) {}

    record AlbumJson(long id, String title) {}
}
