package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.CatalogEnrichment;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Top genres, the artist map and eras (issue #13 item 5, docs/api.md#statistics "Genres, artist map and eras") are
 * exact over any range: compared with a brute force over the raw listens read back from the API and the enrichment
 * the test wrote into the catalog, for several ranges in two timezones (one far from UTC, so local days and the
 * rollups' whole days differ from UTC days).
 */
class EnrichedStatsIntegrationTests extends IntegrationTestBase {

    private static final List<String> ARTISTS = List.of("Low", "Codeine", "Duster", "Bedhead", "Red House Painters",
            "Galaxie 500", "Slowdive", "Acetone");
    private static final List<String> COUNTRIES = java.util.Arrays.asList("US", "GB", "IS", null, "US", "NZ");
    private static final List<String> GENRES = List.of("slowcore", "shoegaze", "indie rock", "dream pop", "sadcore");
    private static final List<Integer> YEARS = java.util.Arrays.asList(1969, 1975, 1994, 1999, 2001, 2012, null);

    @Autowired
    StatsService stats;

    @Autowired
    CatalogEnrichment enrichment;

    record Enriched(Map<Long, String> country, Map<Long, Set<String>> genres, Map<Long, Integer> trackYear,
            Map<Long, Integer> albumYear) {}

    @Test
    void genresArtistMapAndErasMatchTheBruteForceInEveryRangeAndZone() {
        for (String zone : List.of("UTC", "Pacific/Auckland")) {
            Random random = new Random(zone.hashCode());
            Api.User user = api().newUser();
            Api me = user.api();
            if (!zone.equals("UTC")) {
                assertThat(me.patch("/api/v1/me", Map.of("timezone", zone)).status()).isEqualTo(200);
                await(() -> stats.resolve(user.id(), RangeRequest.named("7d")).zone().equals(ZoneId.of(zone)));
            }
            seedListens(me, random);
            List<StatsBruteForce.L> listens = StatsBruteForce.readBack(me);
            Enriched e = enrich(listens, random);
            for (RangeRequest request : List.of(RangeRequest.named("all_time"), RangeRequest.named("7d"),
                    RangeRequest.named("30d"), RangeRequest.named("365d"), RangeRequest.ofYear(2024),
                    new RangeRequest(null, null, "2024-02", null, null),
                    new RangeRequest(null, null, null, "2024-03-10", "2024-07-02"),
                    new RangeRequest(null, null, null, "2024-05-01T13:30:00Z", "2025-01-19T02:00:00Z"))) {
                StatsRange range = stats.resolve(user.id(), request);
                String what = request + " in " + zone;
                List<StatsBruteForce.L> in = listens.stream().filter(l -> !l.skip() && !l.at().isBefore(range.from())
                        && l.at().isBefore(range.to())).toList();
                check(stats.genres(user.id(), range, TopOrder.PLAYS, 1000, 0), bruteGenres(in, e), what + " genres");
                check(stats.artistMap(user.id(), range, TopOrder.PLAYS, 1000, 0), bruteCountries(in, e),
                        what + " countries");
                check(stats.eras(user.id(), range), bruteEras(in, e), what + " eras");
            }
            // not vacuous: the year has plays in several genres, countries and decades, and some of unknown ones
            Breakdown year = stats.genres(user.id(), stats.resolve(user.id(), RangeRequest.ofYear(2024)),
                    TopOrder.PLAYS, 1000, 0);
            assertThat(year.items()).hasSizeGreaterThan(2);
            assertThat(stats.artistMap(user.id(), stats.resolve(user.id(), RangeRequest.ofYear(2024)), TopOrder.PLAYS,
                    1000, 0).unknown().plays()).isPositive();
            assertThat(stats.eras(user.id(), stats.resolve(user.id(), RangeRequest.named("all_time"))).items())
                    .hasSizeGreaterThan(2);
        }
    }

    @Test
    void theApiPagesOrdersAndRendersTheViewsWithTheUnknownBucket() {
        Api.User user = api().newUser();
        Api me = user.api();
        Random random = new Random(7);
        seedListens(me, random);
        List<StatsBruteForce.L> listens = StatsBruteForce.readBack(me);
        Enriched e = enrich(listens, random);
        StatsRange range = stats.resolve(user.id(), RangeRequest.named("all_time"));
        List<StatsBruteForce.L> in = listens.stream().filter(l -> !l.skip()).toList();
        Map<String, long[]> genres = bruteGenres(in, e);

        JsonNode all = me.get("/api/v1/stats/top/genres?range=all_time").json();
        assertThat(all.path("total").asLong()).isEqualTo(genres.size() - (genres.containsKey(null) ? 1 : 0));
        assertThat(all.path("unknown").path("plays").asLong())
                .isEqualTo(genres.getOrDefault(null, new long[2])[0]);
        assertThat(all.path("range").path("name").asString()).isEqualTo("all_time");
        // ranked by plays, then time, then name; a page of two from the second item is that slice of the ranking
        List<String> ranking = new ArrayList<>();
        all.path("items").forEach(i -> ranking.add(i.path("genre").asString()));
        JsonNode page = me.get("/api/v1/stats/top/genres?range=all_time&limit=2&offset=1").json();
        assertThat(page.path("items").valueStream().map(i -> i.path("genre").asString()).toList())
                .isEqualTo(ranking.subList(1, 3));
        assertThat(page.path("offset").asInt()).isEqualTo(1);
        JsonNode byTime = me.get("/api/v1/stats/top/genres?range=all_time&order=time").json();
        long previous = Long.MAX_VALUE;
        for (JsonNode i : byTime.path("items")) {
            assertThat(i.path("listening_time_ms").asLong()).isLessThanOrEqualTo(previous);
            previous = i.path("listening_time_ms").asLong();
        }
        assertThat(me.get("/api/v1/stats/top/genres?order=loud").status()).isEqualTo(400);
        assertThat(me.get("/api/v1/stats/artist-map?limit=0").status()).isEqualTo(400);

        JsonNode map = me.get("/api/v1/stats/artist-map?range=all_time").json();
        Map<String, long[]> countries = bruteCountries(in, e);
        for (JsonNode c : map.path("items")) {
            assertThat(c.path("country").asString()).matches("[A-Z]{2}");
            assertThat(c.path("plays").asLong()).isEqualTo(countries.get(c.path("country").asString())[0]);
            assertThat(c.path("artists").asLong()).isEqualTo(countries.get(c.path("country").asString())[2]);
        }
        JsonNode eras = me.get("/api/v1/stats/eras?range=all_time").json();
        List<Integer> decades = eras.path("items").valueStream().map(i -> i.path("decade").asInt()).toList();
        assertThat(decades).isSorted().allMatch(d -> d % 10 == 0);
        assertThat(stats.eras(user.id(), range).items()).hasSize(decades.size());
    }

    // ---- seeding

    private static void seedListens(Api me, Random random) {
        List<Map<String, Object>> batch = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 240; i++) {
            // most in 2024-2025, a fifth in the last 40 days (the named ranges)
            Instant at = i % 5 == 0 ? now.minusSeconds(random.nextLong(86_400L * 40))
                    : StatsBruteForce.START.plusSeconds(random.nextLong(86_400L * 700));
            String artist = ARTISTS.get(random.nextInt(ARTISTS.size()));
            if (random.nextInt(6) == 0) {
                artist = artist + " feat. " + ARTISTS.get(random.nextInt(ARTISTS.size()));
            }
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("artist", artist);
            l.put("track", "Song " + random.nextInt(12));
            if (random.nextInt(4) != 0) {
                l.put("album", "Album " + random.nextInt(5));
            }
            l.put("listened_at", at.toString());
            l.put("duration_ms", 200_000);
            // a few skips (never counted) among plays of different lengths
            l.put("duration_played_ms", random.nextInt(8) == 0 ? 5_000 : 60_000 + random.nextInt(140_000));
            batch.add(l);
            if (batch.size() == 80) {
                assertThat(me.post("/api/v1/listens", Map.of("listens", batch)).status()).isIn(200, 201, 202);
                batch = new ArrayList<>();
            }
        }
    }

    /** Random enrichment of every artist, track and album of the listens, written through the catalog's façade. */
    private Enriched enrich(List<StatsBruteForce.L> listens, Random random) {
        Set<Long> artists = new HashSet<>();
        Set<Long> tracks = new HashSet<>();
        Set<Long> albums = new HashSet<>();
        for (StatsBruteForce.L l : listens) {
            artists.addAll(l.artistIds());
            tracks.add(l.trackId());
            if (l.albumId() != null) {
                albums.add(l.albumId());
            }
        }
        // the worker's first step notes new entries; done here instead of the (disabled) worker
        await(() -> {
            enrichment.due(Instant.now(), 1);
            return tracks.stream().allMatch(t -> enrichment.state(CatalogKind.TRACK, t).isPresent())
                    && artists.stream().allMatch(a -> enrichment.state(CatalogKind.ARTIST, a).isPresent())
                    && albums.stream().allMatch(a -> enrichment.state(CatalogKind.ALBUM, a).isPresent());
        });
        Enriched e = new Enriched(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        Instant now = Instant.now();
        for (long a : artists) {
            String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            Map<String, Integer> genres = new LinkedHashMap<>();
            for (String g : GENRES) {
                if (random.nextInt(3) == 0) {
                    genres.put(g, 1 + random.nextInt(9));
                }
            }
            enrichment.artistFound(a, null, country, genres, now);
            if (country != null) {
                e.country().put(a, country);
            }
            e.genres().put(a, genres.keySet());
        }
        for (long t : tracks) {
            Integer year = YEARS.get(random.nextInt(YEARS.size()));
            enrichment.trackFound(t, null, year, now);
            if (year != null) {
                e.trackYear().put(t, year);
            }
        }
        for (long a : albums) {
            Integer year = random.nextBoolean() ? 1990 + random.nextInt(30) : null;
            enrichment.albumFound(a, null, year, null, now);
            if (year != null) {
                e.albumYear().put(a, year);
            }
        }
        return e;
    }

    // ---- the brute force: {plays, time, artists} per key, null = unknown

    private static Map<String, long[]> bruteGenres(List<StatsBruteForce.L> in, Enriched e) {
        return brute(in, l -> {
            Set<String> genres = new HashSet<>();
            l.artistIds().forEach(a -> genres.addAll(e.genres().getOrDefault(a, Set.of())));
            return genres;
        }, null);
    }

    private static Map<String, long[]> bruteCountries(List<StatsBruteForce.L> in, Enriched e) {
        return brute(in, l -> {
            Set<String> countries = new HashSet<>();
            l.artistIds().forEach(a -> {
                if (e.country().containsKey(a)) {
                    countries.add(e.country().get(a));
                }
            });
            return countries;
        }, e.country());
    }

    private static Map<String, long[]> bruteEras(List<StatsBruteForce.L> in, Enriched e) {
        return brute(in, l -> {
            Integer year = e.trackYear().get(l.trackId());
            if (year == null && l.albumId() != null) {
                year = e.albumYear().get(l.albumId());
            }
            return year == null ? Set.of() : Set.of(String.valueOf(year / 10 * 10));
        }, null);
    }

    private static Map<String, long[]> brute(List<StatsBruteForce.L> in, Function<StatsBruteForce.L, Set<String>> keys,
            Map<Long, String> artistCountry) {
        Map<String, long[]> out = new TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        Map<String, Set<Long>> artists = new HashMap<>();
        for (StatsBruteForce.L l : in) {
            Set<String> ks = keys.apply(l);
            for (String k : ks.isEmpty() ? java.util.Collections.<String>singleton(null) : ks) {
                long[] f = out.computeIfAbsent(k, x -> new long[3]);
                f[0]++;
                f[1] += l.timeMs();
            }
            if (artistCountry != null) {
                l.artistIds().forEach(a -> {
                    if (artistCountry.containsKey(a)) {
                        artists.computeIfAbsent(artistCountry.get(a), x -> new HashSet<>()).add(a);
                    }
                });
            }
        }
        artists.forEach((k, v) -> out.get(k)[2] = v.size());
        return out;
    }

    private static void check(Breakdown actual, Map<String, long[]> expected, String what) {
        long[] unknown = expected.getOrDefault(null, new long[3]);
        assertThat(new long[] {actual.unknown().plays(), actual.unknown().listeningTimeMs()}).as(what + " unknown")
                .containsExactly(unknown[0], unknown[1]);
        Map<String, List<Long>> got = new TreeMap<>();
        actual.items().forEach(b -> got.put(b.key(), List.of(b.plays(), b.listeningTimeMs(), b.artists())));
        Map<String, List<Long>> want = new TreeMap<>();
        expected.forEach((k, f) -> {
            if (k != null) {
                want.put(k, List.of(f[0], f[1], f[2]));
            }
        });
        assertThat(got).as(what).isEqualTo(want);
        assertThat(actual.total()).as(what + " total").isEqualTo(want.size());
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
