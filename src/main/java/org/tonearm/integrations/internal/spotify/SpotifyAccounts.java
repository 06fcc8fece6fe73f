package org.tonearm.integrations.internal.spotify;

import org.springframework.beans.factory.annotation.Qualifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.tonearm.integrations.ExternalHttp;
import org.tonearm.integrations.ExternalRequest;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.internal.connection.ReauthorizationRequired;
import tools.jackson.databind.JsonNode;

/**
 * Spotify's token endpoint ({@code POST /api/token} of the accounts service), through {@link ExternalHttp}: the code
 * exchange of the PKCE flow and refreshes (https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow,
 * .../refreshing-tokens). With a client secret configured the app authenticates with HTTP Basic; without, the
 * {@code client_id} in the form is enough for PKCE. Token calls are POSTs and never retried automatically: a refresh
 * that rotates the refresh token must not be sent twice.
 */
@Component
class SpotifyAccounts {

    private final ExternalHttp http;
    private final SpotifyProperties properties;
    private final Clock clock;

    SpotifyAccounts(ExternalHttp http, SpotifyProperties properties, @Qualifier("integrationsClock") Clock integrationsClock) {
        this.http = http;
        this.properties = properties;
        this.clock = integrationsClock;
    }

    SpotifyCredentials exchange(String code, String redirectUri, String verifier) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri);
        form.add("client_id", properties.clientId());
        form.add("code_verifier", verifier);
        return SpotifyCredentials.fromTokenResponse(token(form), null, clock.millis());
    }

    /**
     * A new access token; keeps the old refresh token unless Spotify rotates it. {@code invalid_grant} (revoked or
     * expired refresh token, RFC 6749 §5.2) is {@link ReauthorizationRequired}.
     */
    SpotifyCredentials refresh(SpotifyCredentials old) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", old.refreshToken());
        form.add("client_id", properties.clientId());
        return SpotifyCredentials.fromTokenResponse(token(form), old.refreshToken(), clock.millis());
    }

    private JsonNode token(MultiValueMap<String, String> form) {
        ExternalRequest request = ExternalRequest.post("/api/token", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (properties.clientSecret() != null) {
            request = request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.exchange(ExternalService.SPOTIFY_ACCOUNTS, request, JsonNode.class);
        } catch (ExternalServiceException e) {
            String body = e.upstreamBody();
            if (e.upstreamStatus() == 400 && body != null && body.contains("invalid_grant")) {
                throw new ReauthorizationRequired("Spotify refused the authorization (invalid_grant): "
                        + description(body) + "; connect Spotify again");
            }
            throw e;
        }
    }

    /** The {@code error_description} of an OAuth error body, for the user's "last error". */
    private static String description(String errorBody) {
        try {
            JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(errorBody);
            String d = body.path("error_description").asString("");
            return d.isBlank() ? "invalid_grant" : d;
        } catch (RuntimeException e) {
            return "invalid_grant";
        }
    }
}
