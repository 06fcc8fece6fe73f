package org.tonearm.integrations.internal.listenbrainz;

import java.util.ArrayList;
import java.util.List;
import org.tonearm.integrations.internal.scrobbling.PulledText;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure.Kind;
import tools.jackson.databind.JsonNode;

/**
 * {@code payload.listens[]} of {@code GET /1/user/{user}/listens}, newest first.
 *
 * @param unreadable listens left out: no time, no names, or a name too long (counted as failed)
 * @param oldest the oldest {@code listened_at} of every item, the unreadable ones with a time included (null when no
 *        item has one): where the next page starts, so that a page of only unreadable items does not look like the end
 */
public record ListensPage(List<RemoteListen> listens, int unreadable, Long oldest) {

    /**
     * One listen as ListenBrainz gives it: {@code listened_at} (epoch seconds, the start of the play),
     * {@code track_metadata} and {@code recording_msid}; {@code raw} is the item's JSON, kept with the listen.
     */
    public record RemoteListen(long listenedAt, String artist, String track, String release, String recordingMbid,
            List<String> artistMbids, List<String> artistNames, String releaseMbid, String isrc, String spotifyId,
            Long durationMs, String musicService, String msid, String raw) {}

    static ListensPage parse(JsonNode body) {
        JsonNode payload = body.path("payload");
        if (!payload.isObject() || !payload.path("listens").isArray()) {
            throw new RemoteFailure(Kind.TRANSIENT, "ListenBrainz answered without payload.listens", null, null);
        }
        List<RemoteListen> listens = new ArrayList<>();
        int unreadable = 0;
        Long oldest = null;
        for (JsonNode l : payload.path("listens")) {
            JsonNode meta = l.path("track_metadata");
            JsonNode info = meta.path("additional_info");
            JsonNode mapping = meta.path("mbid_mapping");
            long at = l.path("listened_at").asLong(0);
            if (at > 0) {
                oldest = oldest == null ? at : Math.min(oldest, at);
            }
            String artist = blank(meta.path("artist_name").asString(null));
            String track = blank(meta.path("track_name").asString(null));
            String release = blank(meta.path("release_name").asString(null));
            if (at <= 0 || artist == null || track == null || !PulledText.fits(artist, track, release)) {
                unreadable++; // nothing the funnel could store
                continue;
            }
            Long duration = info.has("duration_ms") ? Long.valueOf(info.path("duration_ms").asLong(0))
                    : info.has("duration") ? Long.valueOf(info.path("duration").asLong(0) * 1000) : null;
            listens.add(new RemoteListen(at, artist, track, release,
                    first(uuid(info.path("recording_mbid").asString(null)),
                            uuid(mapping.path("recording_mbid").asString(null))),
                    strings(info.path("artist_mbids")).stream().filter(m -> uuid(m) != null).toList(), strings(info.path("artist_names")),
                    first(uuid(info.path("release_mbid").asString(null)),
                            uuid(mapping.path("release_mbid").asString(null))),
                    blank(info.path("isrc").asString(null)), spotifyId(info.path("spotify_id").asString(null)),
                    duration == null || duration <= 0 ? null : duration,
                    blank(info.path("music_service").asString(null)),
                    blank(l.path("recording_msid").asString(null)), l.toString()));
        }
        return new ListensPage(listens, unreadable, oldest);
    }

    private static String spotifyId(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        int slash = url.lastIndexOf('/');
        return slash >= 0 ? blank(url.substring(slash + 1)) : url;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                String s = blank(n.asString(null));
                if (s != null) {
                    out.add(s);
                }
            });
        }
        return out;
    }

    /** MBIDs are UUIDs (36 characters, the catalog's column); anything else is dropped. */
    private static String uuid(String s) {
        return s != null && s.length() == 36 ? s : null;
    }

    /** Every item of the page, the unreadable ones included: a full page means there may be more. */
    public int size() {
        return listens.size() + unreadable;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
