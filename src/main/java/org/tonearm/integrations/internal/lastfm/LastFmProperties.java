package org.tonearm.integrations.internal.lastfm;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.integrations.lastfm.*} (docs/operations.md#external-services): the operator's Last.fm API account
 * (https://www.last.fm/api/account/create).
 *
 * @param apiKey the operator's API key; without it Last.fm cannot be connected
 * @param apiSecret the shared secret that signs authenticated calls (auth.getSession, track.scrobble); without it
 *        pulling works but mirroring to Last.fm cannot be set up
 * @param authUrl where the user approves Tonearm (https://www.last.fm/api/auth/)
 * @param apiBaseUrl the API's host (https://ws.audioscrobbler.com; tests and the benchmark use a fake); the same as
 *        {@code tonearm.integrations.services.lastfm.base-url}, which it overrides when set
 */
@ConfigurationProperties("tonearm.integrations.lastfm")
public record LastFmProperties(String apiKey, String apiSecret, String authUrl, URI apiBaseUrl) {

    public LastFmProperties {
        apiKey = blankToNull(apiKey);
        apiSecret = blankToNull(apiSecret);
        authUrl = authUrl == null || authUrl.isBlank() ? "https://www.last.fm/api/auth/" : authUrl.strip();
    }

    public boolean configured() {
        return apiKey != null;
    }

    public boolean canSign() {
        return apiKey != null && apiSecret != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
