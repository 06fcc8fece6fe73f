package org.tonearm.compat.listenbrainz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated ListenBrainz listen → the funnel's {@link IncomingListen} (see package-info for the field decisions).
 * Works on the validator's normalized copy; {@code raw} is the listen exactly as sent.
 */
@Component
class ListenBrainzListenMapper {

    /** the {@code listens.client} column is VARCHAR(100) */
    static final int CLIENT_MAX = 100;
    private static final Pattern SPOTIFY_TRACK = Pattern.compile(
            "(?:https?://open\\.spotify\\.com/(?:intl-[a-z]+/)?track/|spotify:track:)([A-Za-z0-9]{22})(?:[?#].*)?");

    private final JsonMapper json;

    ListenBrainzListenMapper(JsonMapper json) {
        this.json = json;
    }

    IncomingListen toIncoming(long userId, ObjectNode listen, JsonNode original) {
        JsonNode metadata = listen.get("track_metadata");
        JsonNode info = infoOf(metadata);
        long listenedAtMs = Math.multiplyExact(listen.get("listened_at").longValue(), 1000L);
        return new IncomingListen(userId, credit(metadata), listenedAtMs, TimeStamp.START, null, service(info),
                Channel.LISTENBRAINZ_API, null, client(info), null, extra(info), original.toString());
    }

    TrackCredit credit(JsonNode metadata) {
        JsonNode info = infoOf(metadata);
        String artist = metadata.get("artist_name").stringValue();
        return new TrackCredit(artist, TrackCredit.artistList(artist, artistNames(info)),
                metadata.get("track_name").stringValue(), text(metadata.get("release_name")), lengthMs(info),
                identifiers(info));
    }

    /**
     * additional_info.artist_names, the artist list ListenBrainz's own importers write (one name per credited artist):
     * lets a listen add featured artists its artist_name text does not name (docs/api.md#catalog).
     */
    static List<String> artistNames(JsonNode info) {
        JsonNode names = info.get("artist_names");
        List<String> out = new ArrayList<>();
        if (names != null && names.isArray()) {
            names.forEach(n -> {
                if (n.isString() && !n.stringValue().isBlank()) {
                    out.add(n.stringValue());
                }
            });
        }
        return out;
    }

    Service service(JsonNode info) {
        return MusicServices.of(text(info.get("music_service")), text(info.get("music_service_name")));
    }

    String client(JsonNode info) {
        String client = text(info.get("submission_client"));
        if (client == null || client.isBlank()) {
            return null;
        }
        client = client.strip();
        return client.length() > CLIENT_MAX ? client.substring(0, CLIENT_MAX) : client;
    }

    /** additional_info is kept whole (docs/api.md#catalog), as validated (empty MBIDs dropped, durations as integers). */
    @SuppressWarnings("unchecked")
    Map<String, Object> extra(JsonNode info) {
        if (info.isEmpty()) {
            return null;
        }
        return json.treeToValue(info, LinkedHashMap.class);
    }

    /** duration (seconds) or duration_ms is the track's length, not the time played (ListenBrainz JSON docs). */
    static Long lengthMs(JsonNode info) {
        if (info.has("duration_ms")) {
            return info.get("duration_ms").longValue();
        }
        if (info.has("duration")) {
            return info.get("duration").longValue() * 1000;
        }
        return null;
    }

    static Identifiers identifiers(JsonNode info) {
        List<String> artistMbids = new ArrayList<>();
        JsonNode artists = info.get("artist_mbids");
        if (artists != null && artists.isArray()) {
            artists.forEach(a -> artistMbids.add(canonicalUuid(a.stringValue())));
        }
        return new Identifiers(canonicalUuid(text(info.get("recording_mbid"))), artistMbids,
                canonicalUuid(text(info.get("release_mbid"))), text(info.get("isrc")),
                spotifyId(text(info.get("spotify_id"))));
    }

    /** ListenBrainz sends spotify_id as a track URL; the catalog keeps the bare 22-character id. */
    static String spotifyId(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = SPOTIFY_TRACK.matcher(value.strip());
        return m.matches() ? m.group(1) : value.strip();
    }

    /** The validator accepted Python's UUID spellings (braces, urn:uuid:, no hyphens); the catalog wants one. */
    static String canonicalUuid(String value) {
        if (value == null) {
            return null;
        }
        String hex = value.replace("urn:", "").replace("uuid:", "").replace("{", "").replace("}", "").replace("-", "");
        if (hex.length() != 32) {
            return null;
        }
        String dashed = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
        return UUID.fromString(dashed).toString().toLowerCase(Locale.ROOT);
    }

    static JsonNode infoOf(JsonNode metadata) {
        JsonNode info = metadata.get("additional_info");
        return info != null && info.isObject() ? info : ObjectNodes.EMPTY;
    }

    private static String text(JsonNode value) {
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** A shared read-only empty object for listens without additional_info. */
    private static final class ObjectNodes {
        static final JsonNode EMPTY = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
