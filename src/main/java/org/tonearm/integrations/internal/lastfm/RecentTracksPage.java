package org.tonearm.integrations.internal.lastfm;

import java.util.ArrayList;
import java.util.List;
import org.tonearm.integrations.internal.scrobbling.PulledText;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure.Kind;
import tools.jackson.databind.JsonNode;

/**
 * One page of {@code user.getRecentTracks} (format=json): {@code recenttracks.track[]} newest first and
 * {@code recenttracks["@attr"]} with page, totalPages and total (all strings in Last.fm's JSON).
 *
 * @param tracks the page's scrobbles without the now-playing entry
 * @param unreadable scrobbles left out because they lack a date or a name, or a name is too long (counted as failed)
 */
public record RecentTracksPage(int page, int totalPages, long total, List<LastFmScrobble> tracks, int unreadable) {

    /** One scrobble as Last.fm gives it; {@code raw} is the item's JSON, kept with the listen. */
    public record LastFmScrobble(String artist, String artistMbid, String track, String trackMbid, String album,
            String albumMbid, long uts, String raw) {}

    static RecentTracksPage parse(JsonNode body) {
        JsonNode recent = body.path("recenttracks");
        if (!recent.isObject()) {
            throw new RemoteFailure(Kind.TRANSIENT, "Last.fm answered user.getRecentTracks without recenttracks",
                    null, null);
        }
        JsonNode attr = recent.path("@attr");
        List<LastFmScrobble> tracks = new ArrayList<>();
        int unreadable = 0;
        for (JsonNode t : list(recent.path("track"))) {
            if ("true".equals(t.path("@attr").path("nowplaying").asString(""))) {
                continue; // playing now: not a listen until Last.fm scrobbles it with a date
            }
            long uts = t.path("date").path("uts").asLong(0);
            String artist = text(t.path("artist"));
            String name = t.path("name").asString(null);
            String album = text(t.path("album"));
            if (uts <= 0 || artist == null || name == null || !PulledText.fits(artist, name, album)) {
                unreadable++; // nothing the funnel could store
                continue;
            }
            tracks.add(new LastFmScrobble(artist, mbid(t.path("artist")), name, mbid36(t.path("mbid")
                    .asString(null)), album, mbid(t.path("album")), uts, t.toString()));
        }
        return new RecentTracksPage(attr.path("page").asInt(1), attr.path("totalPages").asInt(0),
                attr.path("total").asLong(0), tracks, unreadable);
    }

    /** Last.fm gives a list of one element as the element itself, and an empty list as nothing or "". */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isObject()) {
            items.add(node);
        }
        return items;
    }

    /** {@code {"mbid": "…", "#text": "Name"}} (extended=0) or a plain string. */
    private static String text(JsonNode node) {
        String s = node.isObject() ? node.path("#text").asString(null) : node.asString(null);
        return blankToNull(s);
    }

    private static String mbid(JsonNode node) {
        return node.isObject() ? mbid36(node.path("mbid").asString(null)) : null;
    }

    /** An MBID is a UUID (36 characters); anything else Last.fm puts there is dropped. */
    private static String mbid36(String s) {
        return s != null && s.length() == 36 ? s : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
