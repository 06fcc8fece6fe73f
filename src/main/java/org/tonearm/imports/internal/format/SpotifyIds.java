package org.tonearm.imports.internal.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spotify track ids from the URI forms exports use ({@code spotify:track:ID}, {@code open.spotify.com/track/ID}). */
final class SpotifyIds {

    private static final Pattern TRACK = Pattern.compile("(?:spotify:track:|open\\.spotify\\.com/track/)([A-Za-z0-9]{1,64})");

    private SpotifyIds() {}

    static String trackId(String uriOrUrl) {
        if (uriOrUrl == null) {
            return null;
        }
        Matcher m = TRACK.matcher(uriOrUrl);
        return m.find() ? m.group(1) : null;
    }
}
