package org.tonearm.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tonearm.integrations.internal.connection.ConnectionStore;

/**
 * The "Streaming services" section of {@code /connections} in a real browser (issue 13 item 6): connect Spotify through
 * its consent page (a WireMock Spotify that approves at once and redirects back with the code and state), see the
 * connection, sync now, see "needs re-authorization" after Spotify revoked the token, and disconnect.
 */
class SpotifyConnectionBrowserTests {

    static final WireMockServer spotify = started();

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.start(Map.of(
            "tonearm.integrations.spotify.client-id", "tonearm-client",
            "tonearm.integrations.spotify.api-base-url", "http://127.0.0.1:" + spotify.port(),
            "tonearm.integrations.spotify.accounts-base-url", "http://127.0.0.1:" + spotify.port(),
            "tonearm.integrations.connections.enabled", "false"));

    static WireMockServer started() {
        // local response templating (per stub, "response-template") is on by default in WireMock 3
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    @BeforeAll
    static void fakeSpotify() {
        browser.createUser("sam");
        // the consent page approves at once: back to the redirect URI with a code and the state (RFC 6749 §4.1.2)
        spotify.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?code=browser-code&state={{urlEncode request.query.state}}")
                .withTransformers("response-template")));
        spotify.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=authorization_code"))
                .willReturn(json("{\"access_token\":\"at-browser\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"rt-browser\",\"scope\":\"user-read-recently-played\"}")));
        spotify.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(json("{\"id\":\"sam-on-spotify\",\"type\":\"user\"}")));
        spotify.stubFor(get(urlPathEqualTo("/v1/me/player/recently-played")).willReturn(json(
                "{\"items\":[],\"next\":null,\"cursors\":null,\"limit\":50,\"href\":\"x\"}")));
    }

    @AfterAll
    static void stopSpotify() {
        spotify.stop();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void connectsSpotifySyncsAndShowsReauthorizationThenDisconnects() {
        browser.loginAs("sam").open("/connections");
        browser.checkPage();
        browser.find("form[action='/connections/services/spotify/connect'] button").click();
        browser.waitFor(d -> browser.path().startsWith("/connections?connected=spotify"));
        assertThat(browser.find("#services-heading").getText()).isEqualTo("Streaming services");
        assertThat(browser.find(".service-item[data-service=spotify]").getText()).contains("Spotify")
                .contains("sam-on-spotify").contains("Connected");
        browser.screenshot("spotify-connected");

        browser.find("form[action='/connections/services/spotify/sync'] button").click();
        browser.waitFor(d -> browser.find(".service-item[data-service=spotify]").getText().contains("Last sync"));

        // Spotify revokes the authorization: the access token has expired and the refresh gets invalid_grant
        long sam = browser.app().api().post("/api/v1/auth/login", Map.of("username", "sam", "password",
                BrowserSession.password("sam"))).json().path("user").path("id").asLong();
        ConnectionStore store = browser.app().context().getBean(ConnectionStore.class);
        store.replaceCredentials(store.find(sam, "spotify").orElseThrow().id(),
                "{\"access_token\":\"at-browser\",\"refresh_token\":\"rt-browser\",\"expires_at\":0}",
                System.currentTimeMillis());
        spotify.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")));
        browser.find("form[action='/connections/services/spotify/sync'] button").click();
        browser.waitFor(d -> browser.find(".service-item[data-service=spotify]").getText().contains("Needs re-authorization"));
        assertThat(browser.find(".service-item[data-service=spotify]").getText()).contains("Refresh token revoked");
        assertThat(browser.findAll("form[action='/connections/services/spotify/connect'] button")).hasSize(1);
        assertThat(browser.find("form[action='/connections/services/spotify/connect'] button").getText())
                .isEqualTo("Re-authorize");
        browser.screenshot("spotify-needs-reauth");
        browser.assertAccessible();
        browser.assertNoConsoleErrors();

        browser.find("form[action='/connections/services/spotify/disconnect'] button").click();
        browser.waitFor(d -> browser.find(".service-item[data-service=spotify]").getText().contains("Disconnected"));
        assertThat(browser.find("form[action='/connections/services/spotify/connect'] button").getText())
                .isEqualTo("Connect Spotify");
        browser.phone().open("/connections");
        browser.assertNoHorizontalOverflow();
        browser.assertAccessible();
    }
}
