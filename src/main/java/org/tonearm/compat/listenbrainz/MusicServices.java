package org.tonearm.compat.listenbrainz;

import java.util.Locale;
import java.util.Map;
import org.tonearm.listens.Service;

/**
 * Tonearm's {@link Service} from ListenBrainz {@code additional_info.music_service} (a domain, e.g.
 * "spotify.com") or, when that is absent or unknown, {@code music_service_name} (e.g. "Spotify"). The JSON docs
 * recommend the canonical domain; subdomains (open.spotify.com) and a "www." prefix are accepted too.
 * Anything else is {@code other}.
 */
final class MusicServices {

    private static final Map<String, Service> DOMAINS = Map.of(
            "spotify.com", Service.SPOTIFY,
            "music.apple.com", Service.APPLE_MUSIC,
            "music.youtube.com", Service.YOUTUBE_MUSIC,
            "youtube.com", Service.YOUTUBE_MUSIC,
            "tidal.com", Service.TIDAL,
            "deezer.com", Service.DEEZER,
            "bandcamp.com", Service.BANDCAMP);

    private static final Map<String, Service> NAMES = Map.of(
            "spotify", Service.SPOTIFY,
            "apple music", Service.APPLE_MUSIC,
            "youtube music", Service.YOUTUBE_MUSIC,
            "youtube", Service.YOUTUBE_MUSIC,
            "tidal", Service.TIDAL,
            "deezer", Service.DEEZER,
            "bandcamp", Service.BANDCAMP);

    private MusicServices() {}

    static Service of(String musicService, String musicServiceName) {
        Service byDomain = byDomain(musicService);
        if (byDomain != null) {
            return byDomain;
        }
        if (musicServiceName != null) {
            Service byName = NAMES.get(musicServiceName.strip().toLowerCase(Locale.ROOT));
            if (byName != null) {
                return byName;
            }
        }
        return Service.OTHER;
    }

    private static Service byDomain(String value) {
        if (value == null) {
            return null;
        }
        String domain = value.strip().toLowerCase(Locale.ROOT);
        if (domain.startsWith("www.")) {
            domain = domain.substring(4);
        }
        // the most specific known domain first: music.youtube.com before youtube.com
        while (!domain.isEmpty()) {
            Service s = DOMAINS.get(domain);
            if (s != null) {
                return s;
            }
            int dot = domain.indexOf('.');
            if (dot < 0) {
                return null;
            }
            domain = domain.substring(dot + 1);
        }
        return null;
    }
}
