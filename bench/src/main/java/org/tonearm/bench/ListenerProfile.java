package org.tonearm.bench;

import org.tonearm.listens.Channel;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

/**
 * How one synthetic user's plays reach Tonearm: the main source, and the second source that now and then
 * sends the same play again (the cross-source duplicates docs/api.md#deduplication merges).
 */
record ListenerProfile(Source main, Source second) {

    /** {@code knowsLength}: the source sends the track length; {@code structured}: a structured artist list. */
    record Source(Service service, Channel channel, String origin, String client, TimeStamp stamp,
            boolean knowsLength, boolean structured) {}

    private static final Source SPOTIFY_SYNC =
            new Source(Service.SPOTIFY, Channel.SYNC, null, "spotify", TimeStamp.START, true, true);
    private static final Source SPOTIFY_EXTENDED_IMPORT =
            new Source(Service.SPOTIFY, Channel.IMPORT, "spotify_extended", null, TimeStamp.END, false, false);
    private static final Source NAVIDROME =
            new Source(Service.LOCAL, Channel.LISTENBRAINZ_API, null, "Navidrome", TimeStamp.START, true, false);
    private static final Source APPLE_IMPORT =
            new Source(Service.APPLE_MUSIC, Channel.IMPORT, "apple_music_csv", null, TimeStamp.END, true, false);
    private static final Source PANO =
            new Source(Service.YOUTUBE_MUSIC, Channel.LASTFM_API, null, "Pano Scrobbler", TimeStamp.START, false, false);
    private static final Source WEB_SCROBBLER =
            new Source(Service.SPOTIFY, Channel.LASTFM_API, null, "Web Scrobbler", TimeStamp.START, false, false);
    private static final Source MULTI_SCROBBLER =
            new Source(Service.OTHER, Channel.LISTENBRAINZ_API, null, "multi-scrobbler", TimeStamp.START, true, false);

    private static final ListenerProfile[] PROFILES = {
        new ListenerProfile(SPOTIFY_SYNC, WEB_SCROBBLER),
        new ListenerProfile(NAVIDROME, MULTI_SCROBBLER),
        new ListenerProfile(SPOTIFY_EXTENDED_IMPORT, SPOTIFY_SYNC),
        new ListenerProfile(APPLE_IMPORT, MULTI_SCROBBLER),
        new ListenerProfile(PANO, MULTI_SCROBBLER),
    };

    static ListenerProfile forUser(int userIndex) {
        return PROFILES[userIndex % PROFILES.length];
    }
}
