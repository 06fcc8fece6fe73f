package org.tonearm.integrations.internal.spotify;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Spotify connection's tokens, stored sealed (TokenCipher) as JSON.
 *
 * @param expiresAt epoch ms when the access token expires (issued + expires_in)
 */
record SpotifyCredentials(String accessToken, String refreshToken, long expiresAt, String scope) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("access_token", accessToken);
        node.put("refresh_token", refreshToken);
        node.put("expires_at", expiresAt);
        node.put("scope", scope);
        return node.toString();
    }

    static SpotifyCredentials fromJson(String json) {
        JsonNode node = JSON.readTree(json);
        return new SpotifyCredentials(text(node, "access_token"), text(node, "refresh_token"),
                node.path("expires_at").asLong(0), text(node, "scope"));
    }

    /**
     * The token endpoint's answer (https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow):
     * {@code access_token}, {@code expires_in} seconds, and a {@code refresh_token} that a refresh may rotate — when a
     * refresh answers none, the old one stays valid and is kept.
     */
    static SpotifyCredentials fromTokenResponse(JsonNode body, String previousRefreshToken, long now) {
        String access = text(body, "access_token");
        if (access == null) {
            throw new IllegalStateException("Spotify's token answer has no access_token");
        }
        String refresh = text(body, "refresh_token");
        long expiresIn = body.path("expires_in").asLong(3600);
        return new SpotifyCredentials(access, refresh != null ? refresh : previousRefreshToken,
                now + expiresIn * 1000L, text(body, "scope"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }
}
