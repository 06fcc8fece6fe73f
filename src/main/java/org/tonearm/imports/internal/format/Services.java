package org.tonearm.imports.internal.format;

import java.util.Locale;
import org.tonearm.listens.Service;

/** Maps a source's service text (a domain such as "music.apple.com", a name such as "Spotify") to {@link Service}. */
final class Services {

    private Services() {}

    static Service fromText(String text) {
        if (text == null) {
            return Service.OTHER;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("spotify")) {
            return Service.SPOTIFY;
        }
        if (t.contains("apple") || t.contains("itunes")) {
            return Service.APPLE_MUSIC;
        }
        if (t.contains("youtube")) {
            return Service.YOUTUBE_MUSIC;
        }
        if (t.contains("tidal")) {
            return Service.TIDAL;
        }
        if (t.contains("deezer")) {
            return Service.DEEZER;
        }
        if (t.contains("bandcamp")) {
            return Service.BANDCAMP;
        }
        return Service.OTHER;
    }
}
