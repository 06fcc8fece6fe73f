package org.tonearm.bench;

/**
 * One row of a Spotify Extended Streaming History file, with every field the 2023+ export has, in its order.
 * Music rows carry the {@code master_metadata_*} fields and {@code spotify_track_uri}; podcast rows the
 * {@code episode_*} fields; audiobook rows the {@code audiobook_*} fields; a row whose track is gone has none.
 *
 * @param ts               when playback ENDED, ISO-8601 UTC to the second ({@code 2019-05-01T12:34:56Z})
 * @param skipped          null in the oldest rows, as in real exports
 * @param offlineTimestamp epoch seconds; null in the oldest rows
 */
record SpotifyPlay(String ts, String platform, long msPlayed, String connCountry, String ipAddr, String trackName,
        String artistName, String albumName, String trackUri, String episodeName, String showName, String episodeUri,
        String audiobookTitle, String audiobookUri, String audiobookChapterUri, String audiobookChapterTitle,
        String reasonStart, String reasonEnd, boolean shuffle, Boolean skipped, boolean offline,
        Long offlineTimestamp, boolean incognito) {

    /** What the import does with the row (docs/api.md#imports-and-exports): only music rows outside incognito sessions become listens. */
    enum Kind { MUSIC, INCOGNITO, PODCAST, AUDIOBOOK, NO_TRACK }

    Kind kind() {
        if (incognito) {
            return Kind.INCOGNITO;
        }
        if (episodeName != null || showName != null || episodeUri != null) {
            return Kind.PODCAST;
        }
        if (audiobookTitle != null || audiobookUri != null || audiobookChapterUri != null) {
            return Kind.AUDIOBOOK;
        }
        return trackName == null ? Kind.NO_TRACK : Kind.MUSIC;
    }
}
