package org.tonearm.compat.lastfm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire records of the Last.fm 2.0 write methods, fields named exactly like the protocol's parameters
 * (https://www.last.fm/api/show/track.scrobble, track.updateNowPlaying, track.love).
 */
final class LastfmWire {

    private LastfmWire() {}

    /** One {@code track.scrobble} entry ({@code index} -1 for the single form without array notation). */
    record Scrobble(int index, String artist, String track, String timestamp, String album, String albumArtist,
            String mbid, String duration, String trackNumber, String chosenByUser, String context, String streamId) {

        /** The entry's own parameters, without index, for the raw copy kept with the listen. */
        Map<String, String> asParams() {
            Map<String, String> p = new LinkedHashMap<>();
            put(p, "artist", artist);
            put(p, "track", track);
            put(p, "timestamp", timestamp);
            put(p, "album", album);
            put(p, "albumArtist", albumArtist);
            put(p, "mbid", mbid);
            put(p, "duration", duration);
            put(p, "trackNumber", trackNumber);
            put(p, "chosenByUser", chosenByUser);
            put(p, "context", context);
            put(p, "streamId", streamId);
            return p;
        }

        private static void put(Map<String, String> p, String k, String v) {
            if (v != null) {
                p.put(k, v);
            }
        }
    }

    /** {@code track.updateNowPlaying}. */
    record NowPlaying(String artist, String track, String album, String albumArtist, String mbid, String duration,
            String trackNumber, String context) {}

    /** {@code track.love} / {@code track.unlove}. */
    record Love(String artist, String track) {}

    private static final Pattern INDEXED = Pattern.compile("(artist|track|timestamp)\\[(\\d{1,9})]");

    /**
     * The scrobbles of a request: array notation {@code artist[i]} when any indexed name is present, else the single
     * form ("If you are only sending a single scrobble the array notation may be omitted", track.scrobble docs).
     * Indices are returned in ascending order, which is the order of the response's scrobble elements.
     */
    static List<Scrobble> scrobbles(LastfmParams p) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (String name : p.values().keySet()) {
            Matcher m = INDEXED.matcher(name);
            if (m.matches()) {
                indices.add(Integer.parseInt(m.group(2)));
            }
        }
        List<Scrobble> out = new ArrayList<>();
        if (indices.isEmpty()) {
            if (p.get("artist") != null || p.get("track") != null || p.get("timestamp") != null) {
                out.add(scrobble(p, -1, ""));
            }
            return out;
        }
        for (int i : indices) {
            out.add(scrobble(p, i, "[" + i + "]"));
        }
        return out;
    }

    private static Scrobble scrobble(LastfmParams p, int index, String suffix) {
        return new Scrobble(index, p.get("artist" + suffix), p.get("track" + suffix), p.get("timestamp" + suffix),
                p.text("album" + suffix), p.text("albumArtist" + suffix), p.text("mbid" + suffix),
                p.text("duration" + suffix), p.text("trackNumber" + suffix), p.text("chosenByUser" + suffix),
                p.text("context" + suffix), p.text("streamId" + suffix));
    }

    static NowPlaying nowPlaying(LastfmParams p) {
        return new NowPlaying(p.get("artist"), p.get("track"), p.text("album"), p.text("albumArtist"), p.text("mbid"),
                p.text("duration"), p.text("trackNumber"), p.text("context"));
    }

    static Love love(LastfmParams p) {
        return new Love(p.get("artist"), p.get("track"));
    }
}
