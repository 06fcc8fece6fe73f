package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.CatalogEnrichment;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Bad input and isolation on the enrichment views {@code /api/v1/stats/top/genres}, {@code /stats/artist-map} and
 * {@code /stats/eras} (docs/api.md#statistics "Ranges", "Views", "Genres, artist map and eras"), as the other stats
 * views answer them (StatsApiIntegrationTests): a 400 VALIDATION_ERROR problem naming the parameter in
 * {@code errors[].field}, the value just inside each rule answered and the one just outside refused; unknown
 * parameters are ignored like on every stats view; 401 without credentials, 403 without {@code stats:read}; and one
 * user's genres, countries and decades never show in another's.
 */
class EnrichedStatsValidationIntegrationTests extends IntegrationTestBase {

    private static final List<String> VIEWS = List.of("/api/v1/stats/top/genres", "/api/v1/stats/artist-map",
            "/api/v1/stats/eras");
    private static final List<String> PAGED = VIEWS.subList(0, 2);

    @Autowired
    CatalogEnrichment enrichment;

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertValidation(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("errors").valueStream().map(e -> e.path("field").asString()).toList()).as(r.body())
                .contains(field);
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    // ---- credentials

    @Test
    void everyViewNeedsCredentialsWithTheStatsReadScope() {
        Api.User user = api().newUser();
        String listensOnly = user.api().post("/api/v1/me/tokens", Map.of("name", "t", "scopes", List.of("listens:read")))
                .json().path("token").asString();
        String statsToken = user.api().post("/api/v1/me/tokens", Map.of("name", "s", "scopes", List.of("stats:read")))
                .json().path("token").asString();
        for (String view : VIEWS) {
            for (Api anonymous : List.of(api(), api().bearer("not-a-token"), api().auth("Token not-a-token"))) {
                Api.Response r = anonymous.get(view + "?range=all_time");
                assertThat(r.status()).as(view + " " + r.body()).isEqualTo(401);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                assertThat(r.json().path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
            }
            Api.Response noScope = api().auth("Token " + listensOnly).get(view);
            assertThat(noScope.status()).as(view + " " + noScope.body()).isEqualTo(403);
            assertThat(noScope.json().path("code").asString()).isEqualTo("PERMISSION_DENIED");
            // credentials are checked before the parameters: a bad range does not tell an anonymous caller more
            assertThat(api().get(view + "?range=fortnight").status()).isEqualTo(401);
            ok(api().auth("Token " + statsToken).get(view));
            ok(user.api().get(view));
        }
    }

    // ---- range

    @Test
    void rangeValuesOutsideTheListAre400NamingRangeAndListingTheAcceptedOnes() {
        Api me = api().newUser().api();
        for (String view : VIEWS) {
            for (String bad : List.of("fortnight", "", " ", "6d", "8d", "0d", "-7d", "366d", "all-time", "alltime",
                    "7 d", "year", "custom", "2024")) {
                Api.Response r = me.get(view + "?range=" + q(bad));
                assertValidation(r, "range");
                assertThat(r.json().path("detail").asString()).contains("7d", "all_time");
            }
            // case-insensitive and trimmed (docs/api.md#ranges)
            for (String good : List.of("7d", "7D", " 30d ", "365d", "All_Time", "today", "last_year")) {
                assertThat(ok(me.get(view + "?range=" + q(good))).path("range").path("name").asString())
                        .isEqualTo(good.strip().toLowerCase());
            }
            // one way of choosing the range: the second one given is named
            assertValidation(me.get(view + "?range=7d&year=2024"), "year");
            assertValidation(me.get(view + "?year=2024&month=2024-02"), "month");
            assertValidation(me.get(view + "?range=7d&from=2024-01-01"), "from");
            assertValidation(me.get(view + "?month=2024-02&to=2024-03-01"), "to");
        }
    }

    @Test
    void yearAndMonthAreRefusedJustOutsideTheirRules() {
        Api me = api().newUser().api();
        for (String view : VIEWS) {
            for (String bad : List.of("0", "0000", "10000", "-1", "24", "2024.5", "twenty", "")) {
                assertValidation(me.get(view + "?year=" + q(bad)), "year");
            }
            assertThat(ok(me.get(view + "?year=0001")).path("range").path("from").asString())
                    .isEqualTo("0001-01-01T00:00:00.000Z");
            assertThat(ok(me.get(view + "?year=9999")).path("range").path("from").asString())
                    .isEqualTo("9999-01-01T00:00:00.000Z");
            for (String bad : List.of("2024-00", "2024-13", "2024-1", "2024/02", "24-02", "2024-02-01", "")) {
                assertValidation(me.get(view + "?month=" + q(bad)), "month");
            }
            assertThat(ok(me.get(view + "?month=2024-12")).path("range").path("to").asString())
                    .isEqualTo("2025-01-01T00:00:00.000Z");
            assertThat(ok(me.get(view + "?month=2024-01")).path("range").path("from").asString())
                    .isEqualTo("2024-01-01T00:00:00.000Z");
        }
    }

    @Test
    void fromAndToAreRefusedWhenUnreadableOrNotInOrderAndTheirEdgesAnswer() {
        Api me = api().newUser().api();
        for (String view : VIEWS) {
            // unreadable: each bound named, both when both are bad
            for (String bad : List.of("2024-13-01", "2024-02-30", "2024-1-1", "2024/01/01", "yesterday", "",
                    "2024-01-01T25:00:00Z", "2024-01-01T10:00:00", "1e9", "1234567890123")) {
                assertValidation(me.get(view + "?from=" + q(bad)), "from");
                assertValidation(me.get(view + "?to=" + q(bad)), "to");
            }
            Api.Response both = me.get(view + "?from=nope&to=never");
            assertValidation(both, "from");
            assertValidation(both, "to");

            // from after to is refused naming to; dates are whole days, both included, so from == to is one day
            assertValidation(me.get(view + "?from=2024-03-02&to=2024-03-01"), "to");
            JsonNode oneDay = ok(me.get(view + "?from=2024-03-01&to=2024-03-01")).path("range");
            assertThat(oneDay.path("name").asString()).isEqualTo("custom");
            assertThat(oneDay.path("from").asString()).isEqualTo("2024-03-01T00:00:00.000Z");
            assertThat(oneDay.path("to").asString()).isEqualTo("2024-03-02T00:00:00.000Z");
            // instants are [from, to): equal instants are an empty range, refused; one second apart is the smallest
            assertValidation(me.get(view + "?from=2024-03-01T10:00:00Z&to=2024-03-01T10:00:00Z"), "to");
            assertValidation(me.get(view + "?from=1709287201&to=1709287200"), "to");
            assertThat(ok(me.get(view + "?from=1709287200&to=1709287201")).path("range").path("to").asString())
                    .isEqualTo("2024-03-01T10:00:01.000Z");
            // either bound alone
            ok(me.get(view + "?from=2024-03-01"));
            ok(me.get(view + "?to=2024-03-01"));
        }
    }

    @Test
    void boundsFarInThePastOrFutureAnswerOrAre400NeverAServerError() {
        Api me = api().newUser().api();
        for (String view : VIEWS) {
            JsonNode widest = ok(me.get(view + "?from=0001-01-01&to=9999-12-31")).path("range");
            assertThat(widest.path("from").asString()).isEqualTo("0001-01-01T00:00:00.000Z");
            ok(me.get(view + "?from=-999999999999&to=999999999999")); // the widest epoch seconds read
            ok(me.get(view + "?from=1970-01-01&to=1970-01-01"));
            ok(me.get(view + "?from=0"));
            // ISO-8601 instants reach as far as 12-digit epoch seconds do, not the ±1,000,000,000 years they can spell
            String latest = Instant.ofEpochSecond(999_999_999_999L).toString();
            String earliest = Instant.ofEpochSecond(-999_999_999_999L).toString();
            ok(me.get(view + "?from=2024-01-01T00:00:00Z&to=" + q("+10000-01-01T00:00:00Z")));
            ok(me.get(view + "?from=2024-01-01T00:00:00Z&to=" + q(latest)));
            ok(me.get(view + "?from=" + q(earliest)));
            for (String beyond : List.of(Instant.parse(latest).plusSeconds(1).toString(), "+1000000000-12-31T23:59:59Z")) {
                assertValidation(me.get(view + "?from=2024-01-01T00:00:00Z&to=" + q(beyond)), "to");
                assertValidation(me.get(view + "?from=" + q(beyond)), "from");
            }
            for (String beyond : List.of(Instant.parse(earliest).minusSeconds(1).toString(),
                    "-1000000000-01-01T00:00:00Z")) {
                assertValidation(me.get(view + "?from=" + q(beyond)), "from");
                assertValidation(me.get(view + "?from=" + q(beyond) + "&to=2024-01-01"), "from");
            }
        }
    }

    // ---- paging

    @Test
    void limitAndOffsetAnswerAtTheirEdgesAndAre400JustOutside() {
        Api.User user = api().newUser();
        Api me = user.api();
        String tag = tag();
        // three genres and three countries of distinct plays, so a page of one and the last page are different
        Map<String, String[]> artists = new LinkedHashMap<>();
        artists.put("Paging A " + tag, new String[] {"US", "p1-" + tag});
        artists.put("Paging B " + tag, new String[] {"GB", "p2-" + tag});
        artists.put("Paging C " + tag, new String[] {"IS", "p3-" + tag});
        seed(me, artists, 1994);

        for (String view : PAGED) {
            JsonNode all = ok(me.get(view + "?range=all_time"));
            assertThat(all.path("total").asInt()).isEqualTo(3);
            // limit 1..1000
            assertThat(ok(me.get(view + "?limit=1")).path("items")).hasSize(1);
            assertThat(ok(me.get(view + "?limit=1000")).path("items")).hasSize(3);
            assertThat(ok(me.get(view + "?limit=%201000%20")).path("items")).hasSize(3); // trimmed, as elsewhere
            for (String bad : List.of("0", "1001", "-1", "2147483647", "2147483648", "-2147483649",
                    "99999999999999999999", "abc", "1.5", "1e3", "", "0x10")) {
                Api.Response r = me.get(view + "?limit=" + q(bad));
                assertValidation(r, "limit");
            }
            // offset 0.. : the last item, past the end (empty, total kept), the largest int
            assertThat(ok(me.get(view + "?offset=0")).path("items")).hasSize(3);
            JsonNode last = ok(me.get(view + "?offset=2"));
            assertThat(last.path("items")).hasSize(1);
            assertThat(last.path("offset").asInt()).isEqualTo(2);
            assertThat(last.path("items").get(0)).isEqualTo(all.path("items").get(2));
            for (String past : List.of("3", "2147483647")) {
                JsonNode empty = ok(me.get(view + "?offset=" + past + "&limit=1000"));
                assertThat(empty.path("items")).isEmpty();
                assertThat(empty.path("total").asInt()).isEqualTo(3);
            }
            for (String bad : List.of("-1", "2147483648", "-2147483648", "abc", "1.0", "")) {
                assertValidation(me.get(view + "?offset=" + q(bad)), "offset");
            }
            // order: plays or time, nothing else
            ok(me.get(view + "?order=plays"));
            ok(me.get(view + "?order=time"));
            for (String bad : List.of("loud", "", "rank", "-plays")) {
                assertValidation(me.get(view + "?order=" + q(bad)), "order");
            }
        }
    }

    @Test
    void unknownParametersAreIgnoredAsOnTheOtherStatsViews() {
        Api.User user = api().newUser();
        Api me = user.api();
        String tag = tag();
        seed(me, Map.of("Ignored " + tag, new String[] {"NZ", "ignored-" + tag}), 1987);
        // the other views answer unknown parameters as without them (heatmap takes no limit, overview no order)
        assertThat(ok(me.get("/api/v1/stats/heatmap?year=2024&limit=abc")).path("items")).hasSize(168);
        ok(me.get("/api/v1/stats/overview?order=loud&foo=bar"));
        for (String view : VIEWS) {
            JsonNode plain = ok(me.get(view + "?range=all_time")).path("items");
            assertThat(plain).hasSize(1);
            assertThat(ok(me.get(view + "?range=all_time&foo=bar&Range=fortnight&LIMIT=0")).path("items"))
                    .isEqualTo(plain);
        }
        // eras is not paged: limit, offset and order mean nothing there
        JsonNode eras = ok(me.get("/api/v1/stats/eras?range=all_time")).path("items");
        assertThat(ok(me.get("/api/v1/stats/eras?range=all_time&limit=0&offset=-1&order=loud")).path("items"))
                .isEqualTo(eras);
    }

    // ---- isolation

    @Test
    void oneUserNeverSeesAnotherUsersGenresCountriesOrEras() {
        String tag = tag();
        Api.User alice = api().newUser();
        Api.User bob = api().newUser();
        String shared = "Shared Artist " + tag;
        Map<String, String[]> alices = new LinkedHashMap<>();
        alices.put("Alice Only " + tag, new String[] {"IS", "alice-genre-" + tag});
        alices.put(shared, new String[] {"SE", "shared-genre-" + tag});
        seed(alice.api(), alices, 1971);
        seed(alice.api(), Map.of(shared, new String[] {"SE", "shared-genre-" + tag}), 1971); // twice as many plays
        seed(bob.api(), Map.of("Bob Only " + tag, new String[] {"JP", "bob-genre-" + tag}), 2003);
        seed(bob.api(), Map.of(shared, new String[] {"SE", "shared-genre-" + tag}), 1971);
        Api noListens = api().newUser().api();

        for (String range : List.of("range=all_time", "year=2024", "from=2024-01-01&to=2024-12-31")) {
            assertThat(keys(alice.api(), "/api/v1/stats/top/genres?" + range, "genre"))
                    .containsExactlyInAnyOrder("alice-genre-" + tag, "shared-genre-" + tag);
            assertThat(keys(bob.api(), "/api/v1/stats/top/genres?" + range, "genre"))
                    .containsExactlyInAnyOrder("bob-genre-" + tag, "shared-genre-" + tag);
            assertThat(keys(alice.api(), "/api/v1/stats/artist-map?" + range, "country"))
                    .containsExactlyInAnyOrder("IS", "SE");
            assertThat(keys(bob.api(), "/api/v1/stats/artist-map?" + range, "country"))
                    .containsExactlyInAnyOrder("JP", "SE");
            assertThat(keys(alice.api(), "/api/v1/stats/eras?" + range, "decade")).containsExactly("1970");
            assertThat(keys(bob.api(), "/api/v1/stats/eras?" + range, "decade")).containsExactly("1970", "2000");
            // a shared artist counts each user's own plays only
            assertThat(plays(alice.api(), "/api/v1/stats/top/genres?" + range, "genre", "shared-genre-" + tag))
                    .isEqualTo(2);
            assertThat(plays(bob.api(), "/api/v1/stats/top/genres?" + range, "genre", "shared-genre-" + tag))
                    .isEqualTo(1);
            JsonNode aliceMap = ok(alice.api().get("/api/v1/stats/artist-map?" + range)).path("items");
            aliceMap.forEach(c -> assertThat(c.path("artists").asInt()).isEqualTo(1));
            for (String view : VIEWS) {
                JsonNode none = ok(noListens.get(view + "?" + range));
                assertThat(none.path("items")).isEmpty();
                assertThat(none.path("total").asInt()).isZero();
                assertThat(none.path("unknown").path("plays").asLong()).isZero();
            }
        }
    }

    // ---- seeding

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> keys(Api me, String path, String key) {
        List<String> out = new ArrayList<>();
        ok(me.get(path)).path("items").forEach(i -> out.add(i.path(key).asString()));
        return out;
    }

    private static long plays(Api me, String path, String key, String value) {
        for (JsonNode i : ok(me.get(path)).path("items")) {
            if (i.path(key).asString().equals(value)) {
                return i.path("plays").asLong();
            }
        }
        return 0;
    }

    /** Spreads the seeded plays an hour apart, so that no two are one listen to deduplication. */
    private static final AtomicInteger HOURS = new AtomicInteger();

    /**
     * One play in 2024 per artist (name → {country, genre}), its track released in {@code year}; the enrichment is
     * written through the catalog's façade as the (disabled) worker would.
     */
    private void seed(Api me, Map<String, String[]> artists, int year) {
        List<Map<String, Object>> batch = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (String artist : artists.keySet()) {
            batch.add(Map.of("artist", artist, "track", artist + " song", "listened_at",
                    Instant.parse("2024-06-01T12:00:00Z").plusSeconds(3600L * HOURS.incrementAndGet()).toString(),
                    "duration_played_ms", 180_000));
            titles.add(artist + " song");
        }
        Api.Response posted = me.post("/api/v1/listens", Map.of("listens", batch));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().path("created").asInt()).isEqualTo(batch.size());
        // the tracks and artists of this batch only: a track another seed already enriched keeps its year
        Map<Long, String> artistNames = new LinkedHashMap<>();
        Set<Long> tracks = new HashSet<>();
        for (JsonNode l : me.get("/api/v1/listens?limit=1000").json().path("listens")) {
            if (titles.contains(l.path("track").path("title").asString())) {
                tracks.add(l.path("track").path("id").asLong());
                l.path("track").path("artists").forEach(a -> artistNames.put(a.path("id").asLong(),
                        a.path("name").asString()));
            }
        }
        assertThat(tracks).hasSize(batch.size());
        await(() -> {
            enrichment.due(Instant.now(), 1);
            return tracks.stream().allMatch(t -> enrichment.state(CatalogKind.TRACK, t).isPresent())
                    && artistNames.keySet().stream().allMatch(a -> enrichment.state(CatalogKind.ARTIST, a).isPresent());
        });
        Instant now = Instant.now();
        artistNames.forEach((id, name) -> {
            String[] about = artists.get(name);
            enrichment.artistFound(id, null, about[0], Map.of(about[1], 5), now);
        });
        tracks.forEach(t -> enrichment.trackFound(t, null, year, now));
    }

    private static void await(java.util.function.BooleanSupplier done) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 30 s").isBefore(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
