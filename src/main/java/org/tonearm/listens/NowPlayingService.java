package org.tonearm.listens;

import java.util.Map;
import java.util.Optional;
import org.tonearm.catalog.TrackCredit;

/** Now playing, shared by the ListenBrainz, Last.fm and Audioscrobbler protocols and the native API. */
public interface NowPlayingService {

    /** Replaces the user's now playing; it expires after the track length (when known, else 10 minutes). */
    NowPlaying update(long userId, TrackCredit credit, Service service, Channel channel, String client,
            Map<String, Object> extra);

    /** The user's unexpired now playing. */
    Optional<NowPlaying> current(long userId);

    void clear(long userId);
}
