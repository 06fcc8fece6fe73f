package org.tonearm.compat.lastfm;

import java.util.Locale;

/**
 * The {@code period} of user.getTopArtists/getTopTracks/getTopAlbums ("overall | 7day | 1month | 3month | 6month |
 * 12month", https://www.last.fm/api/show/user.getTopArtists) and the native range it is served from (docs/api.md#statistics
 * Definitions): rolling ranges of whole local days in the user's timezone, so a client shows the native numbers.
 */
enum LastfmPeriod {
    OVERALL("overall", "all_time"),
    SEVEN_DAYS("7day", "7d"),
    ONE_MONTH("1month", "30d"),
    THREE_MONTHS("3month", "90d"),
    SIX_MONTHS("6month", "180d"),
    TWELVE_MONTHS("12month", "365d");

    final String wire;
    final String nativeName;

    LastfmPeriod(String wire, String nativeName) {
        this.wire = wire;
        this.nativeName = nativeName;
    }

    /**
     * "Sends the overall chart by default" (user.getTopArtists docs). Last.fm documents no error for another value;
     * Tonearm answers it with error 6 naming the allowed values instead of silently charting something else.
     */
    static LastfmPeriod parse(String value) {
        if (value == null || value.isBlank()) {
            return OVERALL;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (LastfmPeriod p : values()) {
            if (p.wire.equals(v)) {
                return p;
            }
        }
        throw new LastfmException(LastfmError.INVALID_PARAMETERS,
                "Invalid parameters - period must be one of overall, 7day, 1month, 3month, 6month, 12month");
    }
}
