package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.compat.lastfm.LegacyDigests;
import org.tonearm.imports.internal.jobs.ImportJobService;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 8 (docs/api.md#statistics "Freshness"): a listen accepted on any channel is in every view in the very next request —
 * no batch, no lag. Each test submits one play through its channel and then reads every view once.
 */
class StatsFreshnessIntegrationTests extends IntegrationTestBase {

    @Autowired
    ImportJobService imports;

    /** A minute ago: inside today's and 7d's partial day whatever the hour. */
    private static long recentSeconds() {
        return Instant.now().getEpochSecond() - 60;
    }

    private static void assertInEveryView(Api me, String title) {
        JsonNode overview = me.get("/api/v1/stats/overview?range=7d").json().path("items").get(0);
        assertThat(overview.path("plays").asLong()).as("overview").isEqualTo(1);
        assertThat(overview.path("current_streak").path("days").asInt()).as("current streak").isEqualTo(1);
        JsonNode top = me.get("/api/v1/stats/top/tracks?range=7d").json().path("items");
        assertThat(top.get(0).path("track").path("title").asString()).as("top tracks").isEqualTo(title);
        assertThat(me.get("/api/v1/stats/top/artists?range=all_time").json().path("total").asInt()).isEqualTo(1);
        JsonNode timeline = me.get("/api/v1/stats/timeline?range=7d").json().path("items");
        assertThat(timeline.get(timeline.size() - 1).path("plays").asLong() + timeline.get(timeline.size() - 2)
                .path("plays").asLong()).as("timeline").isEqualTo(1);
        long heat = me.get("/api/v1/stats/heatmap?range=7d").json().path("items").valueStream()
                .mapToLong(c -> c.path("plays").asLong()).sum();
        assertThat(heat).as("heatmap").isEqualTo(1);
        long clock = me.get("/api/v1/stats/clock?range=7d").json().path("items").valueStream()
                .mapToLong(c -> c.path("plays").asLong()).sum();
        assertThat(clock).as("clock").isEqualTo(1);
        assertThat(me.get("/api/v1/stats/streaks?range=7d").json().path("items").get(0).path("longest").path("days")
                .asInt()).as("streaks").isEqualTo(1);
    }

    private String token(Api.User user) {
        return user.api().post("/api/v1/me/tokens", Map.of("name", "t")).json().path("token").asString();
    }

    @Test
    void nativeApi() {
        Api.User user = api().newUser();
        Api.Response r = user.api().post("/api/v1/listens", Map.of("artist", "Air", "track", "La femme d'argent",
                "listened_at", recentSeconds(), "duration_played_ms", 200_000));
        assertThat(r.status()).isEqualTo(201);
        assertInEveryView(user.api(), "La femme d'argent");
    }

    @Test
    void listenBrainz() {
        Api.User user = api().newUser();
        String body = "{\"listen_type\": \"single\", \"payload\": [{\"listened_at\": " + recentSeconds()
                + ", \"track_metadata\": {\"artist_name\": \"Air\", \"track_name\": \"Sexy Boy\"}}]}";
        Api.Response r = api().auth("Token " + token(user))
                .send("POST", "/apis/listenbrainz/1/submit-listens", body, "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertInEveryView(user.api(), "Sexy Boy");
    }

    /** Last.fm 2.0 {@code track.scrobble} with a session key from {@code auth.getMobileSession} (an API token as password). */
    @Test
    void lastfm() {
        Api.User user = api().newUser();
        String path = "/apis/lastfm/2.0/";
        Api.Response session = api().send("POST", path, form(Map.of("method", "auth.getMobileSession",
                "api_key", "0123456789abcdef0123456789abcdef", "username", user.username(), "password", token(user),
                "format", "json")), "application/x-www-form-urlencoded");
        String sk = session.json().path("session").path("key").asString();
        assertThat(sk).as(session.body()).isNotBlank();
        Api.Response r = api().send("POST", path, form(Map.of("method", "track.scrobble",
                "api_key", "0123456789abcdef0123456789abcdef", "sk", sk, "artist", "Air", "track", "Talisman",
                "timestamp", String.valueOf(recentSeconds()), "duration", "256", "format", "json")),
                "application/x-www-form-urlencoded");
        assertThat(r.json().path("scrobbles").path("@attr").path("accepted").asInt()).as(r.body()).isEqualTo(1);
        assertInEveryView(user.api(), "Talisman");
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Test
    void audioscrobbler() {
        Api.User user = api().newUser();
        long t = Instant.now().getEpochSecond();
        String auth = LegacyDigests.md5Hex(LegacyDigests.md5Hex(token(user)) + t);
        String[] hs = api().get("/apis/audioscrobbler/?hs=true&p=1.2&c=tst&v=1.0&u=" + user.username() + "&t=" + t
                + "&a=" + auth).body().split("\n");
        assertThat(hs[0]).isEqualTo("OK");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("s", hs[1]);
        form.put("a[0]", "Air");
        form.put("t[0]", "Kelly Watch the Stars");
        form.put("i[0]", String.valueOf(recentSeconds() - 240));
        form.put("o[0]", "P");
        form.put("r[0]", "");
        form.put("l[0]", "240");
        form.put("b[0]", "Moon Safari");
        form.put("n[0]", "");
        form.put("m[0]", "");
        String encoded = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Api.Response r = api().send("POST", "/apis/audioscrobbler/submissions", encoded,
                "application/x-www-form-urlencoded");
        assertThat(r.body()).startsWith("OK");
        assertInEveryView(user.api(), "Kelly Watch the Stars");
    }

    @Test
    void importJob() throws Exception {
        Api.User user = api().newUser();
        Path file = Files.createTempFile("listens", ".json");
        Files.writeString(file, "[{\"listened_at\": " + recentSeconds() + ", \"track_metadata\": {\"artist_name\": "
                + "\"Air\", \"track_name\": \"All I Need\", \"additional_info\": {\"duration_ms\": 268000}}}]");
        long job = imports.submitCopy(user.id(), file, "listenbrainz").id();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!imports.view(user.id(), job).status().equals("completed") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(imports.view(user.id(), job).imported()).isEqualTo(1);
        assertInEveryView(user.api(), "All I Need");
        Files.deleteIfExists(file);
    }
}
