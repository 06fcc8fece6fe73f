package org.tonearm.integrations.internal.spotify;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;
import tools.jackson.databind.JsonNode;

/**
 * Spotify's {@code GET /v1/me/player/recently-played} answer (a cursor-based paging object: {@code items[]} of
 * {@code {track, played_at, context}}, {@code cursors.after/before}, {@code next};
 * https://developer.spotify.com/documentation/web-api/reference/get-recently-played) mapped onto the funnel.
 *
 * <p>{@code played_at} is when playback ENDED; Spotify gives no played duration, so the listen is stamped END with an
 * unknown played duration and the track's {@code duration_ms} as its length: the funnel starts it at played_at −
 * duration_ms and classifies it FULL (docs/formats.md#spotify-sync).
 */
final class RecentlyPlayed {

    /** One play and the epoch ms of its played_at. */
    record Play(long playedAtMs, IncomingListen listen) {}

    private RecentlyPlayed() {}

    /** The plays of a page; items that are not tracks (episodes) or lack a name or time are left out. */
    static List<Play> plays(long userId, JsonNode page) {
        JsonNode items = page.path("items");
        if (!items.isArray()) {
            throw new IllegalArgumentException("the recently-played answer has no items array");
        }
        List<Play> plays = new ArrayList<>();
        for (JsonNode item : items) {
            Play play = play(userId, item);
            if (play != null) {
                plays.add(play);
            }
        }
        return plays;
    }

    private static Play play(long userId, JsonNode item) {
        JsonNode track = item.path("track");
        String title = text(track, "name");
        String playedAt = text(item, "played_at");
        if (title == null || playedAt == null || !"track".equals(text(track, "type") == null ? "track" : text(track, "type"))) {
            return null;
        }
        long endMs;
        try {
            endMs = Instant.parse(playedAt).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
        List<String> artists = new ArrayList<>();
        for (JsonNode a : track.path("artists")) {
            String name = text(a, "name");
            if (name != null) {
                artists.add(name);
            }
        }
        if (artists.isEmpty()) {
            return null;
        }
        JsonNode duration = track.get("duration_ms");
        Long lengthMs = duration != null && duration.isNumber() && duration.longValue() > 0 ? duration.longValue() : null;
        String id = text(track, "id");
        Identifiers ids = new Identifiers(null, List.of(), null, text(track.path("external_ids"), "isrc"), id);
        TrackCredit credit = new TrackCredit(artists.get(0), artists, title, text(track.path("album"), "name"),
                lengthMs, ids);
        Map<String, Object> extra = new LinkedHashMap<>();
        if (text(track, "uri") != null) {
            extra.put("spotify_track_uri", text(track, "uri"));
        }
        if (text(item.path("context"), "uri") != null) {
            extra.put("spotify_context_uri", text(item.path("context"), "uri"));
        }
        // one play of one track at one moment: equal when Spotify reports the same play again (a page repeated, a
        // cursor that went back), so the funnel's same-source rule (equal external_id) drops the repeat
        String externalId = playedAt + "|" + (id != null ? id : title);
        return new Play(endMs, new IncomingListen(userId, credit, endMs, TimeStamp.END, null, Service.SPOTIFY,
                Channel.SYNC, "spotify_recently_played", "Spotify", externalId, extra, item.toString()));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull() || v.isContainer()) {
            return null;
        }
        String s = v.asString();
        return s == null || s.isBlank() ? null : s;
    }
}
