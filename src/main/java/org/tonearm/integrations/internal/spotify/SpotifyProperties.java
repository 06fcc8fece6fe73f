package org.tonearm.integrations.internal.spotify;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.integrations.spotify.*} (docs/operations.md#spotify): the operator's Spotify app and the polling
 * plan. Without a client id Spotify is not offered.
 *
 * @param clientId        the app's client id (https://developer.spotify.com/dashboard)
 * @param clientSecret    optional: with it the token calls authenticate the app (HTTP Basic); PKCE works without
 * @param redirectUri     the callback registered in the app; default {@code <external base>/api/v1/connections/spotify/callback}
 * @param apiBaseUrl      the Web API (https://api.spotify.com); tests and the benchmark point it at a fake
 * @param accountsBaseUrl the accounts service with /authorize and /api/token (https://accounts.spotify.com)
 * @param pollInterval    poll interval of an active user (30 s, issue 13 item 2)
 * @param idleInterval    poll interval of an idle user (5 min)
 * @param activeWindow    a user with a listen in this window is active (1 h)
 * @param refreshBefore   an access token is refreshed this long before it expires (5 min)
 */
@ConfigurationProperties("tonearm.integrations.spotify")
public record SpotifyProperties(String clientId, String clientSecret, String redirectUri, URI apiBaseUrl,
        URI accountsBaseUrl, Duration pollInterval, Duration idleInterval, Duration activeWindow,
        Duration refreshBefore) {

    public SpotifyProperties {
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        redirectUri = blankToNull(redirectUri);
        pollInterval = positive(pollInterval, Duration.ofSeconds(30));
        idleInterval = positive(idleInterval, Duration.ofMinutes(5));
        activeWindow = positive(activeWindow, Duration.ofHours(1));
        refreshBefore = refreshBefore == null || refreshBefore.isNegative() ? Duration.ofMinutes(5) : refreshBefore;
    }

    public boolean configured() {
        return clientId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
