package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.AccountExports.get;
import static org.tonearm.imports.AccountExports.listensWithoutIds;
import static org.tonearm.imports.AccountExports.storedRows;
import static org.tonearm.imports.AccountExports.unzip;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.upload;
import static org.tonearm.imports.Uploads.utf8;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md#imports-and-exports "a full account export … for moving to another instance": user A's account on this instance is exported
 * and imported as user B on a second, fresh Tonearm instance (its own application context on its own empty
 * database). B must end up with A's listens field by field (ids aside), A's settings, and the same stored rows
 * underneath (local day, origin, raw submission, identifiers, absorbed sources).
 */
class AccountExportRoundTripIntegrationTests extends IntegrationTestBase {

    /** 2024-03-01T10:00:00Z */
    private static final long T0 = 1_709_287_200L;

    private static ScratchDatabase otherDb;
    private static ConfigurableApplicationContext other;
    private static int otherPort;

    @BeforeAll
    static void startTheOtherInstance() {
        otherDb = new ScratchDatabase();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--tonearm.registration=open",
                "--tonearm.imports.poll-interval=200ms", "--spring.jmx.enabled=false",
                "--tonearm.rate-limit.per-ip.capacity=1000000", "--tonearm.rate-limit.login-per-ip.capacity=1000000",
                "--tonearm.rate-limit.per-token.capacity=1000000"));
        otherDb.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        other = new SpringApplicationBuilder(TonearmApplication.class).run(args.toArray(String[]::new));
        otherPort = other.getEnvironment().getProperty("local.server.port", Integer.class);
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
        if (otherDb != null) {
            otherDb.drop();
        }
    }

    @Test
    void anAccountImportedOnAnotherInstanceIsTheSameAccountAndAReimportAddsNothing() throws Exception {
        Api.User a = api().newUser();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(a.api().patch("/api/v1/me", Map.of("display_name", "Ada Listener", "timezone", "Europe/Berlin",
                "week_start", "SUNDAY", "profile_visibility", "PUBLIC")).status()).isEqualTo(200);
        recordHistory(a, tag);
        List<JsonNode> original = listensWithoutIds(a.api());
        assertThat(original).hasSize(10);
        assertThat(storedRowsHere(a.id())).filteredOn(row -> row.startsWith("source")).hasSize(3);

        byte[] zip = exportOf(port, a);
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet()).containsExactly("tonearm-account.json", "listens.jsonl", "corrections.json");
        assertThat(new String(entries.get("listens.jsonl"), StandardCharsets.UTF_8).lines()).hasSize(10);

        Api otherApi = new Api(otherPort);
        Api.User b = otherApi.newUser();
        JsonNode job = importInto(otherPort, b, zip);
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("format").asString()).isEqualTo("zip");
        assertThat(job.path("imported").asLong()).isEqualTo(10);
        assertThat(job.path("failed").asLong()).isZero();

        assertThat(listensWithoutIds(b.api())).containsExactlyElementsOf(original);
        assertThat(storedRowsOnOther(b.id())).containsExactlyElementsOf(storedRowsHere(a.id()));
        JsonNode meA = a.api().get("/api/v1/me").json();
        JsonNode meB = b.api().get("/api/v1/me").json();
        for (String setting : List.of("display_name", "timezone", "week_start", "profile_visibility")) {
            assertThat(meB.path(setting)).as(setting).isEqualTo(meA.path(setting));
        }
        assertThat(meB.path("username").asString()).isEqualTo(b.username());

        JsonNode again = importInto(otherPort, b, zip);
        assertThat(again.path("status").asString()).isEqualTo("completed");
        assertThat(again.path("imported").asLong()).isZero();
        assertThat(again.path("duplicates").asLong()).isEqualTo(10);
        assertThat(listensWithoutIds(b.api())).containsExactlyElementsOf(original);
        assertThat(storedRowsOnOther(b.id())).containsExactlyElementsOf(storedRowsHere(a.id()));
    }

    @Test
    void theExportHoldsTheProfileAndSettingsButNoSecret() {
        Api.User a = api().newUser();
        Api.Response token = a.api().post("/api/v1/me/tokens", Map.of("name", "reader", "scopes", List.of("listens:read")));
        String secret = token.json().path("token").asString();

        HttpResponse<byte[]> viaToken = get(port, "/api/v1/exports/account", "Token " + secret);

        assertThat(viaToken.statusCode()).isEqualTo(200);
        assertThat(viaToken.headers().firstValue("Content-Type")).hasValue("application/zip");
        String manifest = new String(unzip(viaToken.body()).get("tonearm-account.json"), StandardCharsets.UTF_8);
        JsonNode json = Api.JSON.readTree(manifest);
        assertThat(json.path("format").asString()).isEqualTo("tonearm-account");
        assertThat(json.path("version").asInt()).isEqualTo(1);
        assertThat(json.path("profile").path("username").asString()).isEqualTo(a.username());
        assertThat(json.path("settings").path("timezone").asString()).isEqualTo("UTC");
        assertThat(manifest).doesNotContainIgnoringCase("password").doesNotContain(secret)
                .doesNotContain(a.accessToken()).doesNotContain("$2");
    }

    @Test
    void everyoneExportsOnlyTheirOwnAccount() {
        Api.User a = api().newUser();
        recordOne(a, "Secret Artist", "Only Mine", T0);
        Api.User someoneElse = api().newUser();

        Map<String, byte[]> theirs = unzip(exportOf(port, someoneElse));

        assertThat(new String(theirs.get("listens.jsonl"), StandardCharsets.UTF_8)).isEmpty();
        assertThat(Api.JSON.readTree(theirs.get("tonearm-account.json")).path("profile").path("username").asString())
                .isEqualTo(someoneElse.username());
        assertThat(get(port, "/api/v1/exports/account", null).statusCode()).isEqualTo(401);
        String statsOnly = a.api().post("/api/v1/me/tokens", Map.of("name", "stats", "scopes", List.of("stats:read")))
                .json().path("token").asString();
        assertThat(get(port, "/api/v1/exports/account", "Bearer " + statsOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void anEmptyAccountExportsAndImportsWithItsSettings() {
        Api.User a = api().newUser();
        a.api().patch("/api/v1/me", Map.of("timezone", "America/New_York", "week_start", "SATURDAY"));

        byte[] zip = exportOf(port, a);
        Api.User b = new Api(otherPort).newUser();
        JsonNode job = importInto(otherPort, b, zip);

        assertThat(unzip(zip).get("listens.jsonl")).isEmpty();
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isZero();
        JsonNode me = b.api().get("/api/v1/me").json();
        assertThat(me.path("timezone").asString()).isEqualTo("America/New_York");
        assertThat(me.path("week_start").asString()).isEqualTo("SATURDAY");
        assertThat(me.path("display_name").isNull()).isTrue();
    }

    @Test
    void anImportStartedWithAnApiTokenBringsTheListensButLeavesTheAccountSettingsAlone() {
        Api.User a = api().newUser();
        a.api().patch("/api/v1/me", Map.of("display_name", "Public Me", "profile_visibility", "PUBLIC"));
        recordOne(a, "Token Artist", "Token Song", T0);
        byte[] zip = exportOf(port, a);
        Api.User b = new Api(otherPort).newUser();
        String writer = b.api().post("/api/v1/me/tokens", Map.of("name", "w", "scopes", List.of("listens:write",
                "listens:read"))).json().path("token").asString();

        JsonNode job = awaitFinished(b.api(), upload(otherPort, writer, "tonearm-account.zip", zip, null).json()
                .path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(1);
        assertThat(job.path("failed").asLong()).isEqualTo(1);
        JsonNode errors = b.api().get("/api/v1/imports/" + job.path("id").asLong() + "/errors").json().path("errors");
        assertThat(errors.get(0).path("reason").asString()).contains("API token");
        JsonNode me = b.api().get("/api/v1/me").json();
        assertThat(me.path("profile_visibility").asString()).isEqualTo("PRIVATE");
        assertThat(me.path("display_name").isNull()).isTrue();
    }

    @Test
    void invalidSettingsAreReportedAndNotAppliedWhileTheListensStillArrive() {
        Api.User b = api().newUser();
        Map<String, byte[]> files = new LinkedHashMap<>(); // the settings file first, as the exporter writes it
        files.put("tonearm-account.json", utf8("{\"format\":\"tonearm-account\",\"version\":1,\"profile\":"
                        + "{\"display_name\":\"New Name\"},\"settings\":{\"timezone\":\"Mars/Olympus_Mons\","
                        + "\"week_start\":\"SUNDAY\",\"profile_visibility\":\"PUBLIC\"}}"));
        files.put("listens.jsonl", utf8("{\"listened_at\":\"2024-03-01T10:00:00.000Z\",\"artist\":\"Mogwai\","
                        + "\"track\":\"Friend of the Night\",\"channel\":\"web\",\"origin\":null,\"sources\":[]}\n"));

        JsonNode job = importInto(port, b, Uploads.zip(files));

        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(1);
        JsonNode error = b.api().get("/api/v1/imports/" + job.path("id").asLong() + "/errors").json().path("errors").get(0);
        assertThat(error.path("entry").asString()).isEqualTo("tonearm-account.json");
        assertThat(error.path("reason").asString()).contains("timezone");
        JsonNode me = b.api().get("/api/v1/me").json();
        assertThat(me.path("timezone").asString()).isEqualTo("UTC");
        assertThat(me.path("week_start").asString()).as("all or nothing").isEqualTo("MONDAY");
        assertThat(me.path("display_name").isNull()).isTrue();
        assertThat(b.api().get("/api/v1/listens").json().path("listens").get(0).path("channel").asString())
                .isEqualTo("web");
    }

    @Test
    void anExportFromANewerTonearmFailsTheJobBeforeAnyListen() {
        Api.User b = api().newUser();
        byte[] zip = Uploads.zip(Map.of("tonearm-account.json",
                utf8("{\"format\":\"tonearm-account\",\"version\":2,\"settings\":{}}")));

        JsonNode job = importInto(port, b, zip);

        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).contains("version 2");
    }

    @Test
    void theOpenApiDocumentDescribesTheAccountExportAsAZip() {
        JsonNode operation = api().get("/api/v1/openapi.json").json().path("paths").path("/api/v1/exports/account")
                .path("get");

        assertThat(operation.path("summary").asString()).isEqualTo("Export the caller's whole account");
        assertThat(operation.path("responses").path("200").path("content").has("application/zip")).isTrue();
        assertThat(operation.path("responses").has("401")).isTrue();
    }

    /**
     * Listens from several paths: merged duplicates from two channels (the first report kept, and one taken over by
     * a higher-ranked service), an import merged with an API report, skips, partials, a corrected listen, featured
     * artists, identifiers, extra metadata, a repeat of the same track and a listen without a played duration.
     */
    private void recordHistory(Api.User a, String tag) {
        String lbToken = a.api().post("/api/v1/me/tokens", Map.of("name", "lb")).json().path("token").asString();
        Api lb = api().auth("Token " + lbToken);
        // 1 + 2: the native report comes first, a ListenBrainz report of the same play (same service) joins it
        native_(a, Map.of("artist", "Radiohead", "track", "Airbag " + tag, "album", "OK Computer",
                "listened_at", T0, "duration_played_ms", 284_000, "track_length_ms", 284_000, "service", "spotify",
                "client", "Test Client/1.0", "external_id", "n-1-" + tag, "extra", Map.of("mood", "rainy", "rating", 5)));
        listenBrainz(lb, T0 + 3, "Radiohead", "Airbag " + tag, "OK Computer",
                Map.of("music_service", "spotify.com", "submission_client", "LB Client", "duration_ms", 284_000));
        // 3: a skip, 4: a partial
        native_(a, Map.of("artist", "Portishead", "track", "Roads " + tag, "listened_at", T0 + 600,
                "duration_played_ms", 10_000, "track_length_ms", 305_000, "service", "apple_music"));
        native_(a, Map.of("artist", "Massive Attack", "track", "Teardrop " + tag, "album", "Mezzanine",
                "listened_at", T0 + 1_200, "duration_played_ms", 120_000, "track_length_ms", 330_000,
                "service", "youtube_music"));
        // 5: ListenBrainz first (service other, with additional_info and identifiers), then a Spotify report takes over
        listenBrainz(lb, T0 + 1_800, "Björk", "Jóga " + tag, "Homogenic", Map.of("tracknumber", 3,
                "tags", List.of("icelandic"), "recording_mbid", "e97f805a-ab48-4c52-855e-07049142113d",
                "release_mbid", "0b4c0d4c-42c4-4fbf-9e3c-5d3a6a2e9a19", "isrc", "GBAYE9700123"));
        native_(a, Map.of("artist", "Björk", "track", "Jóga " + tag, "listened_at", T0 + 1_804,
                "duration_played_ms", 300_000, "track_length_ms", 305_000, "service", "spotify",
                "external_id", "n-5-" + tag));
        // 6: featured artists
        native_(a, Map.of("artist", "Calvin Harris feat. Rihanna", "track", "This Is What You Came For " + tag,
                "listened_at", T0 + 2_400, "duration_played_ms", 222_000, "track_length_ms", 222_000, "service", "tidal"));
        // 7: a typo, corrected by the user (track, artist, album and length)
        long typo = native_(a, Map.of("artist", "Radiohed", "track", "Karma Polise " + tag, "listened_at", T0 + 3_000,
                "duration_played_ms", 100_000, "service", "deezer"));
        assertThat(a.api().patch("/api/v1/listens/" + typo, Map.of("artist", "Radiohead", "track", "Karma Police " + tag,
                "album", "OK Computer", "track_length_ms", 264_000)).status()).isEqualTo(200);
        // 8: an imported file, then an API report of the same play (same rank: the import stays kept)
        String file = "{\"listens\":[{\"artist\":\"Aphex Twin\",\"track\":\"Xtal " + tag + "\",\"listened_at\":\""
                + java.time.Instant.ofEpochSecond(T0 + 3_600) + "\",\"duration_played_ms\":290000,"
                + "\"track_length_ms\":291000,\"service\":\"other\",\"external_id\":\"imp-1-" + tag + "\","
                + "\"extra\":{\"source_file\":\"old.json\"}}]}";
        JsonNode imported = awaitFinished(a.api(), upload(port, a.accessToken(), "history.json", utf8(file), null).json()
                .path("id").asLong());
        assertThat(imported.path("imported").asLong()).isEqualTo(1);
        native_(a, Map.of("artist", "Aphex Twin", "track", "Xtal " + tag, "listened_at", T0 + 3_610,
                "duration_played_ms", 280_000, "service", "local", "client", "mpd"));
        // 9 + 10: the same track twice, a real repeat from one source
        native_(a, Map.of("artist", "Aphex Twin", "track", "Avril 14th " + tag, "listened_at", T0 + 4_200,
                "duration_played_ms", 120_000, "track_length_ms", 125_000, "service", "spotify"));
        native_(a, Map.of("artist", "Aphex Twin", "track", "Avril 14th " + tag, "listened_at", T0 + 4_330,
                "duration_played_ms", 60_000, "track_length_ms", 125_000, "service", "spotify"));
        // 11: no played duration (ListenBrainz reports the length only)
        listenBrainz(lb, T0 + 5_400, "Mogwai", "Auto Rock " + tag, null, Map.of("duration_ms", 400_000));

        List<JsonNode> listens = listensWithoutIds(a.api());
        assertThat(listens.get(0).path("merge_count").asInt()).isEqualTo(1);
        assertThat(listens.get(0).path("channel").asString()).isEqualTo("native_api");
        assertThat(listens.get(3).path("service").asString()).isEqualTo("spotify");
        assertThat(listens.get(3).path("extra").path("tracknumber").asInt()).isEqualTo(3);
        assertThat(listens.get(6).path("channel").asString()).isEqualTo("import");
        assertThat(listens.get(6).path("merge_count").asInt()).isEqualTo(1);
        assertThat(listens.stream().map(l -> l.path("classification").asString()))
                .contains("SKIP", "PARTIAL", "FULL");
    }

    private void recordOne(Api.User user, String artist, String track, long at) {
        native_(user, Map.of("artist", artist, "track", track, "listened_at", at));
    }

    private static long native_(Api.User user, Map<String, Object> listen) {
        Api.Response r = user.api().post("/api/v1/listens", listen);
        assertThat(r.status()).as(r.body()).isIn(200, 201); // 200 when merged into an existing listen
        return r.json().path("listen").path("id").asLong();
    }

    private static void listenBrainz(Api lb, long at, String artist, String track, String album,
            Map<String, Object> additionalInfo) {
        Map<String, Object> metadata = new HashMap<>(Map.of("artist_name", artist, "track_name", track,
                "additional_info", additionalInfo));
        if (album != null) {
            metadata.put("release_name", album);
        }
        Map<String, Object> body = Map.of("listen_type", "single",
                "payload", List.of(Map.of("listened_at", at, "track_metadata", metadata)));
        Api.Response r = lb.post("/apis/listenbrainz/1/submit-listens", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static byte[] exportOf(int port, Api.User user) {
        HttpResponse<byte[]> r = get(port, "/api/v1/exports/account", "Bearer " + user.accessToken());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode importInto(int port, Api.User user, byte[] zip) {
        Api.Response r = upload(port, user.accessToken(), "tonearm-account-export.zip", zip, null);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return awaitFinished(user.api(), r.json().path("id").asLong());
    }

    private static List<String> storedRowsHere(long userId) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            return storedRows(c, userId);
        }
    }

    private static List<String> storedRowsOnOther(long userId) throws Exception {
        try (Connection c = otherDb.connect()) {
            return storedRows(c, userId);
        }
    }
}
