package org.tonearm.integrations.internal.spotify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A WireMock Spotify shaped like the real one: the accounts service's {@code /api/token} (answers and OAuth error
 * bodies as https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow shows them), the Web API's
 * {@code /v1/me} and {@code /v1/me/player/recently-played} (a cursor-based paging object), its error object
 * {@code {"error":{"status":…,"message":…}}} and its 429 with {@code Retry-After} seconds.
 */
final class FakeSpotify {

    /** One play as recently-played lists it. */
    record Item(String trackId, String title, String artist, String album, long durationMs, Instant playedAt) {}

    final WireMockServer server;

    /** A started fake on a free port. */
    static FakeSpotify start() {
        WireMockServer server = new WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort());
        server.start();
        return new FakeSpotify(server);
    }

    /** A Tonearm whose Spotify app (client id {@code tonearm-client}) talks to this fake, with these settings on top. */
    org.tonearm.testsupport.TestApps.App app(java.util.Map<String, ?> settings) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("tonearm.integrations.spotify.client-id", "tonearm-client");
        all.put("tonearm.integrations.spotify.api-base-url", base());
        all.put("tonearm.integrations.spotify.accounts-base-url", base());
        all.put("tonearm.integrations.retry-backoff", "20ms");
        all.putAll(settings);
        return org.tonearm.testsupport.TestApps.start(all);
    }

    FakeSpotify(WireMockServer server) {
        this.server = server;
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The code exchange answers these tokens for {@code code}. */
    void tokensForCode(String code, String access, String refresh, int expiresIn) {
        server.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code))
                .willReturn(json(200, tokenBody(access, refresh, expiresIn))));
    }

    /** A refresh with {@code refresh} answers these tokens ({@code newRefresh} null: none, the old one stays). */
    void refresh(String refresh, String access, String newRefresh, int expiresIn) {
        server.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(json(200, tokenBody(access, newRefresh, expiresIn))));
    }

    /** A refresh with {@code refresh} is refused: the user revoked Tonearm's access. */
    void revoked(String refresh) {
        server.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")));
    }

    void me(String access, String spotifyUser) {
        server.stubFor(get(urlPathEqualTo("/v1/me")).withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(json(200, "{\"id\":\"" + spotifyUser + "\",\"display_name\":\"" + spotifyUser
                        + "\",\"type\":\"user\",\"uri\":\"spotify:user:" + spotifyUser + "\"}")));
    }

    /** recently-played for this access token answers {@code items} (newest first, as Spotify lists them). */
    MappingBuilder recentlyPlayed(String access) {
        return get(urlPathEqualTo("/v1/me/player/recently-played")).withHeader("Authorization", equalTo("Bearer " + access));
    }

    void plays(String access, List<Item> items) {
        server.stubFor(recentlyPlayed(access).willReturn(json(200, page(items))));
    }

    /** The access token is no longer valid (Spotify's 401 while polling). */
    void expired(String access) {
        server.stubFor(recentlyPlayed(access).willReturn(json(401,
                "{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}")));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    static String tokenBody(String access, String refresh, int expiresIn) {
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"scope\":\"user-read-recently-played\","
                + "\"expires_in\":" + expiresIn + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + "}";
    }

    /** A recently-played page; {@code cursors} from the items (null without items), like Spotify. */
    static String page(List<Item> items) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort((a, b) -> b.playedAt().compareTo(a.playedAt()));
        String cursors = sorted.isEmpty() ? "null" : "{\"after\":\"" + sorted.get(0).playedAt().toEpochMilli()
                + "\",\"before\":\"" + sorted.get(sorted.size() - 1).playedAt().toEpochMilli() + "\"}";
        return page(sorted, cursors);
    }

    static String page(List<Item> sorted, String cursors) {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < sorted.size(); i++) {
            json.append(i == 0 ? "" : ",").append(item(sorted.get(i)));
        }
        return json.append("],\"next\":null,\"cursors\":").append(cursors)
                .append(",\"limit\":50,\"href\":\"https://api.spotify.com/v1/me/player/recently-played?limit=50\"}")
                .toString();
    }

    static String item(Item i) {
        String artistId = "ar" + Integer.toHexString(i.artist().hashCode());
        return "{\"track\":{\"album\":{\"album_type\":\"album\",\"artists\":[{\"id\":\"" + artistId + "\",\"name\":\""
                + i.artist() + "\",\"type\":\"artist\"}],\"id\":\"al" + Integer.toHexString(i.album().hashCode())
                + "\",\"name\":\"" + i.album() + "\",\"release_date\":\"2019-05-01\",\"type\":\"album\"},"
                + "\"artists\":[{\"id\":\"" + artistId + "\",\"name\":\"" + i.artist() + "\",\"type\":\"artist\","
                + "\"uri\":\"spotify:artist:" + artistId + "\"}],\"disc_number\":1,\"duration_ms\":" + i.durationMs()
                + ",\"explicit\":false,\"external_ids\":{\"isrc\":\"USRC1" + Math.abs(i.trackId().hashCode() % 10_000_000)
                + "\"},\"id\":\"" + i.trackId() + "\",\"name\":\"" + i.title() + "\",\"popularity\":50,"
                + "\"track_number\":1,\"type\":\"track\",\"uri\":\"spotify:track:" + i.trackId() + "\"},"
                + "\"played_at\":\"" + i.playedAt() + "\",\"context\":null}";
    }
}
