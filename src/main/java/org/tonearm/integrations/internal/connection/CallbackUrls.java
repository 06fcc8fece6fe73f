package org.tonearm.integrations.internal.connection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The OAuth redirect URI of a service, as registered in the service's app: {@code <base>/api/v1/connections/<service>/
 * callback}, where base is {@code tonearm.integrations.callback-base-url} (the external address of Tonearm as browsers
 * see it) or, when unset, taken from the request (behind a reverse proxy, from its {@code X-Forwarded-*} headers).
 * The Spotify setting {@code tonearm.integrations.spotify.redirect-uri} overrides it for Spotify.
 */
@Component
public class CallbackUrls {

    /** The callback route of {@code /api/v1/connections} (integrations.internal.web.ConnectionsApiController). */
    public static final String CALLBACK = "/api/v1/connections/{service}/callback";

    private final String base;
    private final String spotifyRedirect;

    CallbackUrls(@Value("${tonearm.integrations.callback-base-url:}") String base,
            @Value("${tonearm.integrations.spotify.redirect-uri:}") String spotifyRedirect) {
        this.base = base == null || base.isBlank() ? null : base.strip().replaceAll("/+$", "");
        this.spotifyRedirect = spotifyRedirect == null || spotifyRedirect.isBlank() ? null : spotifyRedirect.strip();
    }

    /**
     * The web page that binds an API-started flow to the browser of the same signed-in user, then redirects to the
     * provider (web.internal.page.StreamingServicesController; issue 13, docs/api.md#connections).
     */
    public String startPage(String service, String state) {
        String path = "/connections/services/" + service + "/start";
        var b = base != null ? org.springframework.web.util.UriComponentsBuilder.fromUriString(base + path)
                : ServletUriComponentsBuilder.fromCurrentContextPath().path(path);
        return b.queryParam("state", state).encode().build().toUriString();
    }

    /** Inside a request (the base may come from it). */
    public String of(String service) {
        if ("spotify".equals(service) && spotifyRedirect != null) {
            return spotifyRedirect;
        }
        String path = CALLBACK.replace("{service}", service);
        return base != null ? base + path : ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }
}
