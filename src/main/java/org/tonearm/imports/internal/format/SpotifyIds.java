package org.tonearm.imports.internal.format;

/**
 * Spotify track ids from the URI forms exports use ({@code spotify:track:ID}, {@code open.spotify.com/track/ID}):
 * the first such prefix anywhere in the text that is followed by an id of 1–64 letters and digits (longer ids are
 * cut at 64). A plain scan rather than a regular expression: this runs for every row of an import, and the regex
 * was a tenth of the reading thread's time in a 1,000,000-row Spotify import (docs/performance.md).
 */
final class SpotifyIds {

    private static final String URI_PREFIX = "spotify:track:";
    private static final String URL_PREFIX = "open.spotify.com/track/";
    private static final int MAX_ID = 64;

    private SpotifyIds() {}

    static String trackId(String uriOrUrl) {
        if (uriOrUrl == null) {
            return null;
        }
        int uri = uriOrUrl.indexOf(URI_PREFIX);
        int url = uriOrUrl.indexOf(URL_PREFIX);
        while (uri >= 0 || url >= 0) {
            boolean uriFirst = url < 0 || (uri >= 0 && uri < url);
            int start = uriFirst ? uri + URI_PREFIX.length() : url + URL_PREFIX.length();
            int end = start;
            while (end < uriOrUrl.length() && end - start < MAX_ID && isIdChar(uriOrUrl.charAt(end))) {
                end++;
            }
            if (end > start) {
                return uriOrUrl.substring(start, end);
            }
            if (uriFirst) {
                uri = uriOrUrl.indexOf(URI_PREFIX, uri + 1);
            } else {
                url = uriOrUrl.indexOf(URL_PREFIX, url + 1);
            }
        }
        return null;
    }

    private static boolean isIdChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
