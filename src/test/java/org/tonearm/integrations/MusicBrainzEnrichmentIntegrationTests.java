package org.tonearm.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tonearm.catalog.CatalogEnrichment;
import org.tonearm.catalog.CatalogEnrichment.State;
import org.tonearm.catalog.CatalogEnrichment.Status;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.compat.ProtocolClients;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestApps;
import org.tonearm.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * MusicBrainz enrichment against a WireMock MusicBrainz and Cover Art Archive answering like the real ones (their
 * search and lookup JSON, 503 to clients over the rate limit, 429 with Retry-After, malformed bodies, stalls) —
 * issue #13 items 5 and 7, docs/api.md#enrichment. The application runs on a database of its own (its own SQLite
 * file, its own PostgreSQL schema), so the worker sees only this test's catalog.
 *
 * <p>What a user and MusicBrainz's operators would notice: the enrichment lands in the statistics; every entry is
 * asked for once (and never again after a restart); a submitted MBID is used, not searched over; faults never stop
 * ingest and never lose an entry; the breaker opens after 5 failures and lets one trial through; and MusicBrainz
 * never sees two requests within a second, with Tonearm's User-Agent on each.
 *
 * <p>The pace: the first test runs at the real one (the defaults: MusicBrainz's 1 request per second) and asserts it;
 * the others at a short pace (allowed toward a MusicBrainz on this machine only, MusicBrainzProperties) and assert
 * that one, so the class does not spend a second per request (CI's 30-minute budget).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MusicBrainzEnrichmentIntegrationTests {

    static final String CONTACT = "ops@example.org";
    static final String EMPTY_SEARCH = """
            {"created":"2026-12-07T00:00:00.000Z","count":0,"offset":0,"artists":[],"recordings":[],"releases":[]}""";

    /** The defaults' pace: MusicBrainz's published limit, 1 request per second from the end of the previous one. */
    static final Duration REAL_PACE = Duration.ofSeconds(1);
    static final Duration SHORT_PACE = Duration.ofMillis(100);

    static WireMockServer fake;
    /** The running application's pace; the one in force for the current test's requests. */
    static Duration pace = REAL_PACE;
    static Duration testPace;
    static Path dataDir;
    static String schema;
    static TestApps.App app;

    @BeforeAll
    static void start() throws Exception {
        fake = new WireMockServer(wireMockConfig().dynamicPort());
        fake.start();
        dataDir = Files.createTempDirectory("tonearm-mb-");
        if (TestDatabase.isPostgres()) {
            schema = "t_mb_" + Long.toHexString(System.nanoTime());
            try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, "")) {
                c.createStatement().execute("create schema " + schema);
            }
        }
        app = startApp();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        fake.stop();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, "")) {
                c.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    @BeforeEach
    void notePace() {
        testPace = pace;
    }

    /**
     * Restarts the application at {@code wanted} unless it runs at it already (the order of the tests makes that
     * rare); the current test's requests are then checked against it.
     */
    static void usePace(Duration wanted) {
        if (!pace.equals(wanted)) {
            app.close();
            pace = wanted;
            app = startApp();
        }
        testPace = pace;
    }

    /**
     * Whatever else happens in a test, MusicBrainz saw its requests no closer than the pace: at the real pace, at most
     * one request per second (its published limit).
     */
    @AfterEach
    void neverTwoRequestsWithinASecond() {
        List<ServeEvent> mb = fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/ws/2/"))
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        List<Long> at = mb.stream().map(e -> e.getRequest().getLoggedDate().getTime()).toList();
        assertThat(at).as("MusicBrainz requests of this test").hasSizeGreaterThan(2);
        for (int i = 1; i < at.size(); i++) {
            // 50 ms for the two clocks (the worker's pacer and WireMock's log) and the network between them
            assertThat(at.get(i) - at.get(i - 1)).as("gap between MusicBrainz requests %d and %d at a pace of %s: %s",
                    i - 1, i, testPace,
                    mb.stream().limit(4).map(e -> e.getRequest().getLoggedDate().toInstant() + " "
                            + e.getRequest().getUrl() + " " + e.getResponse().getStatus() + " "
                            + e.getRequest().getHeaders()).toList())
                    .isGreaterThanOrEqualTo(testPace.toMillis() - 50);
        }
        for (ServeEvent e : fake.getAllServeEvents()) {
            assertThat(e.getRequest().getHeader("User-Agent")).matches("Tonearm/\\S+ \\( " + CONTACT + " \\)");
        }
        fake.resetAll();
    }

    static TestApps.App startApp() {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (schema != null) {
            settings.put("tonearm.db.url", TestDatabase.PG_URL + "?currentSchema=" + schema);
            settings.put("tonearm.db.user", TestDatabase.PG_USER);
            settings.put("tonearm.db.password", "");
        }
        settings.put("tonearm.data-dir", dataDir.toString());
        settings.put("tonearm.integrations.musicbrainz.enabled", "true");
        settings.put("tonearm.integrations.musicbrainz.api-base-url", fake.baseUrl());
        settings.put("tonearm.integrations.coverartarchive.base-url", fake.baseUrl());
        settings.put("tonearm.integrations.musicbrainz.user-agent-contact", CONTACT);
        settings.put("tonearm.integrations.musicbrainz.idle-poll", "200ms");
        settings.put("tonearm.integrations.musicbrainz.retry-backoff", "1s");
        settings.put("tonearm.integrations.breaker-open-for", "3s");
        settings.put("tonearm.integrations.read-timeout", "3s");
        if (!pace.equals(REAL_PACE)) {
            // both limits: the worker's pacer and the resilient client's per-service rate limiter (1/s by default)
            settings.put("tonearm.integrations.musicbrainz.min-interval", pace.toMillis() + "ms");
            settings.put("tonearm.integrations.services.musicbrainz.requests-per-second", "50");
        }
        return TestApps.start(settings);
    }

    /** The fallbacks: a search finds nothing, the archive has no art. Specific stubs take priority 1. */
    static void fallbacks() {
        fake.stubFor(get(urlPathMatching("/ws/2/.*")).atPriority(10).willReturn(okJson(EMPTY_SEARCH)));
        fake.stubFor(get(urlPathMatching("/release/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withBody("Not Found")));
    }

    // ---- 1. what is found, once, and the rules of matching

    /** At the real pace (the defaults), which the check after each test holds to one request per second. */
    @Test
    @Order(1)
    void enrichesEachEntryOnceWithTheConservativeMatchAndSubmittedMbids() {
        usePace(REAL_PACE);
        fallbacks();
        String band = "Ferns Of Vale";
        fake.stubFor(get(urlPathEqualTo("/ws/2/artist")).withQueryParam("query", containing("\"" + band + "\""))
                .atPriority(1).willReturn(okJson(artistSearch("a1111111-1111-4111-8111-111111111111", band, 100,
                        null, "GB", """
                        [{"count":3,"name":"Shoegaze"},{"count":1,"name":"dream pop"},{"count":0,"name":"seen live"}]"""))));
        fake.stubFor(get(urlPathEqualTo("/ws/2/artist")).withQueryParam("query", containing("\"Twin Name\""))
                .atPriority(1).willReturn(okJson("""
                        {"created":"2026-12-07T00:00:00.000Z","count":2,"offset":0,"artists":[
                         {"id":"b2222222-2222-4222-8222-222222222222","type":"Person","score":100,"name":"Twin Name","country":"US"},
                         {"id":"c3333333-3333-4333-8333-333333333333","type":"Group","score":100,"name":"Twin Name","country":"DE"}]}""")));
        fake.stubFor(get(urlPathEqualTo("/ws/2/recording")).withQueryParam("query", containing("\"Quiet Hours\""))
                .atPriority(1).willReturn(okJson(recordingSearch("Quiet Hours", band))));
        fake.stubFor(get(urlPathEqualTo("/ws/2/release")).withQueryParam("query", containing("\"Lanterns\""))
                .atPriority(1).willReturn(okJson("""
                        {"created":"2026-12-07T00:00:00.000Z","count":1,"offset":0,"releases":[
                         {"id":"d4444444-4444-4444-8444-444444444444","score":100,"title":"Lanterns","status":"Official",
                          "artist-credit":[{"name":"Ferns Of Vale","artist":{"id":"a1111111-1111-4111-8111-111111111111","name":"Ferns Of Vale"}}],
                          "release-group":{"id":"e5555555-5555-4555-8555-555555555555","primary-type":"Album"},
                          "date":"1991-06-01","country":"GB"}]}""")));
        fake.stubFor(get(urlPathEqualTo("/release/d4444444-4444-4444-8444-444444444444")).atPriority(1)
                .willReturn(okJson("""
                        {"images":[{"approved":true,"back":true,"front":false,"id":1,"image":"http://coverartarchive.org/release/d4444444-4444-4444-8444-444444444444/1.jpg","thumbnails":{"500":"http://coverartarchive.org/release/d4444444-4444-4444-8444-444444444444/1-500.jpg"},"types":["Back"]},
                         {"approved":true,"back":false,"front":true,"id":2,"image":"http://coverartarchive.org/release/d4444444-4444-4444-8444-444444444444/2.jpg","thumbnails":{"250":"http://coverartarchive.org/release/d4444444-4444-4444-8444-444444444444/2-250.jpg","500":"http://coverartarchive.org/release/d4444444-4444-4444-8444-444444444444/2-500.jpg"},"types":["Front"]}],
                         "release":"https://musicbrainz.org/release/d4444444-4444-4444-8444-444444444444"}""")));
        String artistMbid = "f6666666-6666-4666-8666-666666666666";
        String recordingMbid = "a7777777-7777-4777-8777-777777777777";
        fake.stubFor(get(urlPathEqualTo("/ws/2/artist/" + artistMbid)).atPriority(1).willReturn(okJson("""
                {"id":"%s","name":"Mbid Band","type":"Group","country":"IS","area":{"name":"Iceland","iso-3166-1-codes":["IS"]},
                 "tags":[{"count":1,"name":"ambient"}],"genres":[{"id":"g1","count":2,"name":"post-rock","disambiguation":""}]}"""
                .formatted(artistMbid))));
        fake.stubFor(get(urlPathEqualTo("/ws/2/recording/" + recordingMbid)).atPriority(1).willReturn(okJson("""
                {"id":"%s","title":"Given","length":300000,"first-release-date":"1999-01-01","video":false}"""
                .formatted(recordingMbid))));

        ProtocolClients clients = new ProtocolClients(app.api());
        Api me = clients.user().api();
        me.post("/api/v1/listens", Map.of("listens", List.of(
                listen(band, "Quiet Hours", "Lanterns", "2024-03-01T10:00:00Z"),
                listen(band, "Quiet Hours", "Lanterns", "2024-03-02T10:00:00Z"),
                listen(band, "Second Wind", "Lanterns", "2024-03-03T10:00:00Z"),
                listen("Twin Name", "Mirror", "Doubles", "2024-03-04T10:00:00Z"))));
        assertThat(clients.listenBrainz("""
                {"listen_type":"single","payload":[{"listened_at":1709805600,"track_metadata":{"artist_name":"Mbid Band",
                 "track_name":"Given","additional_info":{"artist_mbids":["%s"],"recording_mbid":"%s","duration_ms":300000}}}]}"""
                .formatted(artistMbid, recordingMbid)).status()).isEqualTo(200);

        CatalogEnrichment enrichment = app.context().getBean(CatalogEnrichment.class);
        Map<String, Long> artists = ids(me, "artists");
        Map<String, Long> tracks = ids(me, "tracks");
        Map<String, Long> albums = ids(me, "albums");
        await(Duration.ofSeconds(90), () -> settled(enrichment, CatalogKind.ARTIST, artists.values())
                && settled(enrichment, CatalogKind.TRACK, tracks.values())
                && settled(enrichment, CatalogKind.ALBUM, albums.values()));

        State ferns = enrichment.state(CatalogKind.ARTIST, artists.get(band)).orElseThrow();
        assertThat(ferns.status()).isEqualTo(Status.DONE);
        assertThat(ferns.foundMbid()).isEqualTo("a1111111-1111-4111-8111-111111111111");
        assertThat(ferns.country()).as("the area's ISO code when the artist has no country").isEqualTo("GB");
        assertThat(ferns.genres()).as("tags by votes, lower case, none without a vote").containsExactly("shoegaze",
                "dream pop");
        assertThat(enrichment.state(CatalogKind.ARTIST, artists.get("Twin Name")).orElseThrow().status())
                .as("two artists of score 100 with that name: ambiguous, not guessed").isEqualTo(Status.NOT_FOUND);
        State quiet = enrichment.state(CatalogKind.TRACK, tracks.get("Quiet Hours")).orElseThrow();
        assertThat(quiet.foundMbid()).as("the earliest released of the full-score matches").isEqualTo(
                "b8888888-8888-4888-8888-888888888888");
        assertThat(quiet.releaseYear()).isEqualTo(1991);
        assertThat(enrichment.state(CatalogKind.TRACK, tracks.get("Second Wind")).orElseThrow().status())
                .isEqualTo(Status.NOT_FOUND);
        State lanterns = enrichment.state(CatalogKind.ALBUM, albums.get("Lanterns")).orElseThrow();
        assertThat(lanterns.coverUrl()).isEqualTo(
                "http://coverartarchive.org/release/d4444444-4444-4444-8444-444444444444/2-500.jpg");
        assertThat(lanterns.releaseYear()).isEqualTo(1991);
        assertThat(enrichment.state(CatalogKind.ALBUM, albums.get("Doubles")).orElseThrow().status())
                .isEqualTo(Status.NOT_FOUND);
        State mbidBand = enrichment.state(CatalogKind.ARTIST, artists.get("Mbid Band")).orElseThrow();
        assertThat(mbidBand.foundMbid()).as("the submitted MBID is looked up, not searched").isEqualTo(artistMbid);
        assertThat(mbidBand.genres()).as("MusicBrainz's genres before its tags").containsExactly("post-rock");
        assertThat(enrichment.state(CatalogKind.TRACK, tracks.get("Given")).orElseThrow().releaseYear()).isEqualTo(1999);

        // asked once each: the artist shared by two tracks and an album too; no search for the submitted MBIDs
        assertThat(requests("/ws/2/artist", band)).isEqualTo(1);
        assertThat(requests("/ws/2/recording", "Quiet Hours")).isEqualTo(1);
        assertThat(requests("/ws/2/artist", "Mbid Band")).isZero();
        assertThat(requests("/ws/2/artist/" + artistMbid, null)).isEqualTo(1);

        // the statistics see it
        JsonNode genres = me.get("/api/v1/stats/top/genres?range=all_time").json();
        assertThat(genres.path("items").get(0).path("genre").asString()).isEqualTo("dream pop"); // 3 plays, tie by name
        assertThat(genres.path("unknown").path("plays").asLong()).as("Twin Name's play").isEqualTo(1);
        JsonNode map = me.get("/api/v1/stats/artist-map?range=all_time").json();
        assertThat(map.path("items").valueStream().map(c -> c.path("country").asString() + "=" + c.path("plays").asLong()))
                .containsExactly("GB=3", "IS=1");
        JsonNode eras = me.get("/api/v1/stats/eras?range=all_time").json();
        assertThat(eras.path("items").valueStream().map(c -> c.path("decade").asInt() + "=" + c.path("plays").asLong()))
                .as("Second Wind has no year of its own: its album's").containsExactly("1990=4");

        // nothing more is asked, not even after a restart: the table is the cache
        int asked = mbRequests();
        sleep(Duration.ofSeconds(2));
        app.close();
        pace = SHORT_PACE; // the other tests' pace from here on (this test's requests were all made at the real one)
        app = startApp();
        sleep(Duration.ofSeconds(3));
        assertThat(mbRequests()).isEqualTo(asked);
    }

    // ---- 2. faults of one lookup, in a row, while ingest goes on

    @Test
    void faultsNeverStopIngestNorLoseTheLookupWhichEndsAskedOnceAfterSuccess() {
        fallbacks();
        String track = "Storm Window";
        var search = urlPathEqualTo("/ws/2/recording");
        String scenario = "faults";
        fake.stubFor(get(search).withQueryParam("query", containing(track)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("503")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Your requests are exceeding the allowable rate limit. Please see http://wiki.musicbrainz.org/XMLWebService for more information.\"}")));
        fake.stubFor(get(search).withQueryParam("query", containing(track)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("503").willSetStateTo("429")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("slow down")));
        fake.stubFor(get(search).withQueryParam("query", containing(track)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("429").willSetStateTo("malformed")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"recordings\":[{\"id\":")));
        fake.stubFor(get(search).withQueryParam("query", containing(track)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("malformed").willSetStateTo("slow")
                .willReturn(okJson(recordingSearch(track, "Harbor")).withFixedDelay(5000)));
        fake.stubFor(get(search).withQueryParam("query", containing(track)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("slow").willReturn(okJson(recordingSearch(track, "Harbor"))));

        Api me = app.api().newUser().api();
        me.post("/api/v1/listens", listen("Harbor", track, null, "2024-05-01T10:00:00Z"));
        CatalogEnrichment enrichment = app.context().getBean(CatalogEnrichment.class);
        long id = ids(me, "tracks").get(track);
        // ingest is never held up by MusicBrainz: these go through while the lookup is failing
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            assertThat(me.post("/api/v1/listens", listen("Harbor", track, null, "2024-05-0" + (2 + i) + "T10:00:00Z"))
                    .status()).isIn(200, 201, 202);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            sleep(Duration.ofMillis(700));
        }
        await(Duration.ofSeconds(60), () -> settled(enrichment, CatalogKind.TRACK, List.of(id)));
        State state = enrichment.state(CatalogKind.TRACK, id).orElseThrow();
        assertThat(state.status()).isEqualTo(Status.DONE);
        assertThat(state.releaseYear()).isEqualTo(1991);
        assertThat(state.attempts()).as("503, malformed JSON and the timeout count; the 429 does not").isEqualTo(3);
        assertThat(requests("/ws/2/recording", track)).isEqualTo(5);
        sleep(Duration.ofSeconds(3));
        assertThat(requests("/ws/2/recording", track)).as("asked once after the success").isEqualTo(5);
        assertThat(me.get("/api/v1/stats/overview?range=all_time").json().path("items").get(0).path("plays").asLong())
                .isEqualTo(6);
    }

    // ---- 3. the breaker, and a restart in the middle of an outage

    @Test
    void theBreakerOpensAfterFiveFailuresLetsOneTrialThroughAndLookupsResumeAfterARestart() {
        fallbacks();
        fake.stubFor(any(urlPathMatching("/ws/2/.*")).atPriority(1).willReturn(aResponse().withStatus(503)
                .withBody("{\"error\":\"The server is temporarily unavailable\"}")));
        Api.User user = app.api().newUser();
        Api me = user.api();
        List<Map<String, Object>> listens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            listens.add(listen("Outage Artist " + i, "Outage Song " + i, null, "2024-06-0" + (1 + i) + "T10:00:00Z"));
        }
        me.post("/api/v1/listens", Map.of("listens", listens));
        ExternalServices services = app.context().getBean(ExternalServices.class);
        await(Duration.ofSeconds(40), () -> state(services).equals("OPEN"));
        int whenOpened = mbRequests();
        assertThat(whenOpened).as("opens after 5 consecutive failures").isEqualTo(5);
        sleep(Duration.ofSeconds(2));
        assertThat(mbRequests()).as("nothing is sent while it is open").isEqualTo(whenOpened);
        await(Duration.ofSeconds(20), () -> mbRequests() == whenOpened + 1); // the one trial call, still failing
        assertThat(state(services)).isEqualTo("OPEN");

        // a restart during the outage, which then ends: the failed entries are still there and are looked up
        app.close();
        fake.removeStub(fake.getStubMappings().stream().filter(s -> Integer.valueOf(1).equals(s.getPriority()))
                .findFirst().orElseThrow());
        app = startApp();
        Map<String, Long> artists = ids(app.api().auth("Bearer " + user.accessToken()), "artists");
        assertThat(artists).hasSize(8);
        CatalogEnrichment enrichment = app.context().getBean(CatalogEnrichment.class);
        assertThat(artists.values()).as("attempts survive the restart").anySatisfy(a ->
                assertThat(enrichment.state(CatalogKind.ARTIST, a).orElseThrow().attempts()).isPositive());
        await(Duration.ofSeconds(60), () -> settled(enrichment, CatalogKind.ARTIST, artists.values()));
        assertThat(artists.values()).allSatisfy(a ->
                assertThat(enrichment.state(CatalogKind.ARTIST, a).orElseThrow().status()).isEqualTo(Status.NOT_FOUND));
        assertThat(state(app.context().getBean(ExternalServices.class))).isEqualTo("CLOSED");
    }

    // ---- helpers

    static String artistSearch(String id, String name, int score, String country, String areaCode, String tags) {
        return """
                {"created":"2026-12-07T00:00:00.000Z","count":1,"offset":0,"artists":[
                 {"id":"%s","type":"Group","score":%d,"name":"%s","sort-name":"%s",%s
                  "area":{"id":"8a754a16-0027-3a29-b6d7-2b40ea0481ed","type":"Country","name":"United Kingdom","sort-name":"United Kingdom","iso-3166-1-codes":["%s"]},
                  "life-span":{"ended":null},"tags":%s}]}"""
                .formatted(id, score, name, name, country == null ? "" : "\"country\":\"" + country + "\",", areaCode,
                        tags);
    }

    /** Two full-score recordings of the title (a 2005 live take listed first, the 1991 original) and a weaker one. */
    static String recordingSearch(String title, String artist) {
        return """
                {"created":"2026-12-07T00:00:00.000Z","count":3,"offset":0,"recordings":[
                 {"id":"c9999999-9999-4999-8999-999999999999","score":100,"title":"%1$s","length":210000,
                  "artist-credit":[{"name":"%2$s","artist":{"id":"a1111111-1111-4111-8111-111111111111","name":"%2$s","sort-name":"%2$s"}}],
                  "first-release-date":"2005-03-01","releases":[{"id":"r1","title":"Live","release-group":{"id":"rg1","primary-type":"Album"},"date":"2005-03-01"}]},
                 {"id":"b8888888-8888-4888-8888-888888888888","score":100,"title":"%1$s","length":200000,
                  "artist-credit":[{"name":"%2$s","artist":{"id":"a1111111-1111-4111-8111-111111111111","name":"%2$s","sort-name":"%2$s"}}],
                  "first-release-date":"1991-06-01","releases":[{"id":"r2","title":"Lanterns","release-group":{"id":"rg2","primary-type":"Album"},"date":"1991-06-01"}]},
                 {"id":"d0000000-0000-4000-8000-000000000000","score":88,"title":"%1$s (demo)","length":190000,
                  "artist-credit":[{"name":"%2$s","artist":{"id":"a1111111-1111-4111-8111-111111111111","name":"%2$s"}}],
                  "first-release-date":"1989"}]}"""
                .formatted(title, artist);
    }

    static Map<String, Object> listen(String artist, String track, String album, String at) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("artist", artist);
        l.put("track", track);
        if (album != null) {
            l.put("album", album);
        }
        l.put("listened_at", at);
        l.put("duration_ms", 200_000);
        l.put("duration_played_ms", 200_000);
        return l;
    }

    /** Name → id of the user's artists, albums or tracks (their top list of all time). */
    static Map<String, Long> ids(Api me, String kind) {
        Map<String, Long> out = new LinkedHashMap<>();
        String singular = kind.substring(0, kind.length() - 1);
        for (JsonNode i : me.get("/api/v1/stats/top/" + kind + "?range=all_time&limit=1000").json().path("items")) {
            JsonNode e = i.path(singular);
            out.put(e.has("name") ? e.path("name").asString() : e.path("title").asString(), e.path("id").asLong());
        }
        return out;
    }

    static boolean settled(CatalogEnrichment enrichment, CatalogKind kind, java.util.Collection<Long> ids) {
        return ids.stream().allMatch(id -> enrichment.state(kind, id)
                .map(s -> s.status() == Status.DONE || s.status() == Status.NOT_FOUND).orElse(false));
    }

    static String state(ExternalServices services) {
        return services.statuses().stream().filter(s -> s.service() == ExternalService.MUSICBRAINZ).findFirst()
                .orElseThrow().state();
    }

    static int mbRequests() {
        return (int) fake.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/ws/2/")).count();
    }

    /** Requests to {@code path} (exactly) whose decoded query contains {@code text} (any when null). */
    static int requests(String path, String text) {
        return (int) fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(path))
                .filter(e -> text == null || java.net.URLDecoder.decode(e.getRequest().getUrl(),
                        java.nio.charset.StandardCharsets.UTF_8).contains(text))
                .count();
    }

    static void await(Duration max, BooleanSupplier done) {
        Instant until = Instant.now().plus(max);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", max).isBefore(until);
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
