package org.tonearm.integrations;

/**
 * The services Tonearm talks to. Each has its own circuit breaker, rate limiter and bulkhead, so one service being
 * down or rate-limiting never slows the others (docs/operations.md#external-services). {@link #key()} is the name in
 * configuration ({@code tonearm.integrations.services.<key>.base-url}), metrics tags and {@code /health/external}.
 */
public enum ExternalService {
    SPOTIFY("spotify", "https://api.spotify.com"),
    /** Spotify's accounts service (OAuth authorize and token endpoints): another host, its own breaker. */
    SPOTIFY_ACCOUNTS("spotify-accounts", "https://accounts.spotify.com"),
    LASTFM("lastfm", "https://ws.audioscrobbler.com"),
    LISTENBRAINZ("listenbrainz", "https://api.listenbrainz.org"),
    MUSICBRAINZ("musicbrainz", "https://musicbrainz.org"),
    COVERARTARCHIVE("coverartarchive", "https://coverartarchive.org");

    private final String key;
    private final String defaultBaseUrl;

    ExternalService(String key, String defaultBaseUrl) {
        this.key = key;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    public String key() {
        return key;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }
}
