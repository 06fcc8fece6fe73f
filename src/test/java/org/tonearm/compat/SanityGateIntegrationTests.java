package org.tonearm.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The funnel's sanity gate (issue #10: no NUL, listened_at 2002-10-01..now + 1 h, durations 1 ms..24 days) on every
 * protocol channel, each refusal in that protocol's own terms and nothing stored (docs/clients.md).
 */
class SanityGateIntegrationTests extends IntegrationTestBase {

    private static final long MIN_S = 1_033_430_400L; // 2002-10-01T00:00:00Z
    private static final long DAYS_24_MS = Duration.ofDays(24).toMillis();

    private static long nowS() {
        return System.currentTimeMillis() / 1000;
    }

    private static List<String> titles(ProtocolClients c) {
        return c.stored().stream().map(l -> l.path("track").path("title").asString()).toList();
    }

    // ---- Audioscrobbler 1.2: the whole submission FAILED, nothing stored

    private static Map<String, String> as(String artist, String title, String i, String l) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("a[0]", artist);
        p.put("t[0]", title);
        p.put("i[0]", i);
        p.put("o[0]", "P");
        p.put("l[0]", l);
        return p;
    }

    @Test
    void audioscrobblerTimestampInNanosecondsFailsInsteadOfBeingStoredInTheFarFuture() {
        ProtocolClients c = new ProtocolClients(api());
        String nanos = String.valueOf(nowS() * 1_000_000_000L);

        Api.Response r = c.audioscrobbler(as("Artist", "Nanos", nanos, "200"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("FAILED Track 0 refused: i[0] must not be more than 1 hour in the future\n");
        assertThat(c.audioscrobbler(as("Artist", "Max", String.valueOf(Long.MAX_VALUE), "")).body())
                .startsWith("FAILED Track 0 refused: i[0]");
        assertThat(c.audioscrobbler(as("Artist", "Min", String.valueOf(Long.MIN_VALUE), "")).body())
                .startsWith("FAILED Track 0 refused: i[0]");
        assertThat(c.stored()).isEmpty();
    }

    @Test
    void audioscrobblerNulInTheArtistFailsTheSubmissionAndStoresNothing() {
        ProtocolClients c = new ProtocolClients(api());
        Map<String, String> p = as("Ar\0tist", "Nul", String.valueOf(nowS() - 600), "200");
        p.put("a[1]", "Sane");
        p.put("t[1]", "Other");
        p.put("i[1]", String.valueOf(nowS() - 300));

        Api.Response r = c.audioscrobbler(p);

        assertThat(r.body()).isEqualTo("FAILED Track 0 refused: a[0] must not contain NUL characters\n");
        assertThat(c.stored()).as("nothing half-written").isEmpty();
    }

    @Test
    void audioscrobblerAcceptsTheFirstSecondOfOctober2002AndRefusesTheSecondBefore() {
        ProtocolClients c = new ProtocolClients(api());
        assertThat(c.audioscrobbler(as("Artist", "Early", String.valueOf(MIN_S - 1), "")).body()).isEqualTo(
                "FAILED Track 0 refused: i[0] must not be before 2002-10-01T00:00:00Z\n");
        assertThat(c.audioscrobbler(as("Artist", "First via AS", String.valueOf(MIN_S), "")).body()).isEqualTo("OK\n");
        assertThat(c.audioscrobbler(as("Artist", "Long", String.valueOf(nowS()), "2073601")).body())
                .isEqualTo("FAILED Track 0 refused: l[0] must not be more than 24 days\n");
        assertThat(c.audioscrobbler(as("Artist", "Negative", String.valueOf(nowS()), "-1")).body())
                .isEqualTo("FAILED Track 0 refused: l[0] must be more than 0\n");
        assertThat(c.audioscrobbler(as("Artist", "24 days via AS", String.valueOf(nowS()), "2073600")).body())
                .isEqualTo("OK\n");
        assertThat(titles(c)).containsExactlyInAnyOrder("First via AS", "24 days via AS");
    }

    // ---- Last.fm track.scrobble: per-scrobble ignoredMessage with Last.fm's code, the others stored

    @Test
    void lastfmIgnoresInsaneScrobblesWithTheirCodesAndStoresTheRest() {
        ProtocolClients c = new ProtocolClients(api());
        long now = nowS();
        Map<String, String> p = new LinkedHashMap<>(Map.of("method", "track.scrobble", "format", "json"));
        String[][] scrobbles = {
            {"Ar\0tist", "Nul artist", String.valueOf(now - 600), ""},
            {"Artist", "Nul\0 track", String.valueOf(now - 500), ""},
            {"Artist", "Nanoseconds", String.valueOf(now * 1_000_000_000L), ""},
            {"Artist", "Two hours ahead", String.valueOf(now + 7200), ""},
            {"Artist", "Negative length", String.valueOf(now - 400), "-5"},
            {"Artist", "Sane via Last.fm", String.valueOf(now - 300), "200"},
        };
        for (int i = 0; i < scrobbles.length; i++) {
            p.put("artist[" + i + "]", scrobbles[i][0]);
            p.put("track[" + i + "]", scrobbles[i][1]);
            p.put("timestamp[" + i + "]", scrobbles[i][2]);
            if (!scrobbles[i][3].isEmpty()) {
                p.put("duration[" + i + "]", scrobbles[i][3]);
            }
        }

        Api.Response r = c.lastfm(p);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answer = r.json().path("scrobbles");
        assertThat(answer.path("@attr").path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.path("@attr").path("ignored").asInt()).isEqualTo(5);
        assertThat(answer.path("scrobble").values().stream()
                .map(s -> s.path("ignoredMessage").path("code").asString()).toList())
                .containsExactly("1", "2", "4", "4", "2", "0");
        assertThat(titles(c)).containsExactly("Sane via Last.fm");
    }

    // ---- ListenBrainz: 400 {code, error}, nothing stored

    private static String lb(long listenedAt, String info) {
        return "{\"listen_type\": \"import\", \"payload\": [{\"listened_at\": " + listenedAt + ", \"track_metadata\": "
                + "{\"artist_name\": \"Artist\", \"track_name\": \"T" + listenedAt + "\", \"additional_info\": {"
                + info + "}}}]}";
    }

    @Test
    void listenBrainzRefusesInsaneListensWith400AndStoresNothing() {
        ProtocolClients c = new ProtocolClients(api());
        Api.Response early = c.listenBrainz(lb(MIN_S - 1, ""));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().path("code").asInt()).isEqualTo(400);
        assertThat(early.json().path("error").asString()).startsWith("Value for key listened_at is too low.");
        assertThat(c.listenBrainz(lb(nowS(), "\"duration_ms\": 0")).status()).isEqualTo(400);
        assertThat(c.listenBrainz(lb(nowS(), "\"duration_ms\": " + (DAYS_24_MS + 1))).status()).isEqualTo(400);
        assertThat(c.listenBrainz(lb(nowS(), "\"note\": \"a\\u0000b\"")).status()).isEqualTo(400);
        assertThat(c.stored()).isEmpty();

        assertThat(c.listenBrainz(lb(MIN_S, "\"duration_ms\": 1")).status()).isEqualTo(200);
        assertThat(c.listenBrainz(lb(nowS(), "\"duration_ms\": " + DAYS_24_MS)).status()).isEqualTo(200);
        assertThat(c.stored()).hasSize(2);
    }

    // ---- native API: 400 problem+json naming the field; in a batch a failed item

    private static Map<String, Object> listen(String track, Object listenedAt, Object played, Object length) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artist", "Artist");
        m.put("track", track);
        m.put("listened_at", listenedAt);
        if (played != null) {
            m.put("duration_played_ms", played);
        }
        if (length != null) {
            m.put("track_length_ms", length);
        }
        return m;
    }

    private static void assertRefused(ProtocolClients c, Map<String, Object> body, String field) {
        Api.Response r = c.nativeApi(body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
    }

    @Test
    void nativeApiAcceptsEachBoundaryAndRefusesOneMillisecondBeyondIt() {
        ProtocolClients c = new ProtocolClients(api());
        String now = java.time.Instant.now().toString();
        assertRefused(c, listen("early", "2002-09-30T23:59:59.999Z", null, null), "listened_at");
        assertRefused(c, listen("ahead", java.time.Instant.now().plusSeconds(3600 + 60).toString(), null, null),
                "listened_at");
        assertRefused(c, listen("zero", now, 0, null), "duration_played_ms");
        assertRefused(c, listen("long", now, DAYS_24_MS + 1, null), "duration_played_ms");
        assertRefused(c, listen("zero length", now, null, 0), "track_length_ms");
        assertRefused(c, listen("long length", now, null, DAYS_24_MS + 1), "track_length_ms");
        assertThat(c.stored()).isEmpty();

        assertThat(c.nativeApi(listen("first native", "2002-10-01T00:00:00Z", 1, 1)).status()).isEqualTo(201);
        assertThat(c.nativeApi(listen("longest native", now, DAYS_24_MS, DAYS_24_MS)).status()).isEqualTo(201);
        assertThat(c.nativeApi(listen("ahead native", java.time.Instant.now().plusSeconds(3500).toString(), null, null))
                .status()).isEqualTo(201);
        assertThat(titles(c)).containsExactlyInAnyOrder("first native", "longest native", "ahead native");
    }

    @Test
    void nativeBatchReportsARefusedItemAsFailedAndStoresTheOthers() {
        ProtocolClients c = new ProtocolClients(api());
        Api.Response r = c.nativeApi(Map.of("listens", List.of(listen("sane native batch", "2024-01-01T00:00:00Z", 1000, null),
                listen("early", "2001-01-01T00:00:00Z", 1000, null))));

        assertThat(r.status()).as(r.body()).isEqualTo(207);
        JsonNode failed = r.json().path("results").get(1);
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("error").path("errors").get(0).path("field").asString())
                .isEqualTo("listens[1].listened_at");
        assertThat(titles(c)).containsExactly("sane native batch");
    }
}
