package org.tonearm.compat.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.compat.lastfm.LastfmTestClient.params;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.compat.StatsSeed;
import org.tonearm.compat.StatsSeed.NativeTop;
import org.tonearm.stats.Entity;
import org.tonearm.stats.RangeRequest;
import org.tonearm.testsupport.Api.Response;
import org.tonearm.testsupport.Api.User;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Last.fm's chart methods and user.getInfo's playcount (issue #11 item 3) served from the stats module: the native
 * numbers for every period, paging, XML and JSON, profile visibility.
 */
class LastfmChartIntegrationTests extends IntegrationTestBase {

    private static final Map<String, String> PERIODS = Map.of("overall", "all_time", "7day", "7d",
            "1month", "30d", "3month", "90d", "6month", "180d", "12month", "365d");

    private LastfmTestClient lastfm() {
        return new LastfmTestClient(api());
    }

    private Response call(String... pairs) {
        return lastfm().get(params(pairs));
    }

    /** name → playcount of a JSON chart, in order. */
    private static Map<String, Long> chart(Response r, String root, String child) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Long> m = new LinkedHashMap<>();
        r.json().path(root).path(child).forEach(e -> m.put(e.path("name").asString(), e.path("playcount").asLong()));
        return m;
    }

    @Test
    void everyPeriodShowsTheNativeNumbers() {
        User user = api().newUser();
        user.api().patch("/api/v1/me", Map.of("profile_visibility", "PUBLIC"));
        StatsSeed.write(user);

        for (Map.Entry<String, String> period : PERIODS.entrySet()) {
            RangeRequest range = RangeRequest.named(period.getValue());
            NativeTop artists = StatsSeed.nativeTop(user, Entity.ARTISTS, range);
            NativeTop tracks = StatsSeed.nativeTop(user, Entity.TRACKS, range);
            NativeTop albums = StatsSeed.nativeTop(user, Entity.ALBUMS, range);
            Response a = call("method", "user.getTopArtists", "user", user.username(), "period", period.getKey(),
                    "limit", "1000", "format", "json");
            assertThat(chart(a, "topartists", "artist")).as(period.getKey()).isEqualTo(artists.plays());
            assertThat(a.json().path("topartists").path("@attr").path("total").asLong()).isEqualTo(artists.total());
            Response t = call("method", "user.getTopTracks", "user", user.username(), "period", period.getKey(),
                    "limit", "1000", "format", "json");
            assertThat(chart(t, "toptracks", "track")).as(period.getKey()).isEqualTo(tracks.plays());
            Response al = call("method", "user.getTopAlbums", "user", user.username(), "period", period.getKey(),
                    "limit", "1000", "format", "json");
            assertThat(chart(al, "topalbums", "album")).as(period.getKey()).isEqualTo(albums.plays());
        }
    }

    @Test
    void overallIsTheDefaultAndCountsPlaysNotSkips() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        StatsSeed.write(user);

        Response r = call("method", "user.getTopArtists", "user", user.username(), "sk", sk, "format", "json");

        assertThat(chart(r, "topartists", "artist")).containsExactly(Map.entry("Artist A", 3L),
                Map.entry("Artist B", 2L), Map.entry("Artist C", 1L), Map.entry("Artist D", 1L),
                Map.entry("Artist E", 1L));
        JsonNode attr = r.json().path("topartists").path("@attr");
        assertThat(attr.path("user").asString()).isEqualTo(user.username());
        assertThat(attr.path("page").asString()).isEqualTo("1");
        assertThat(attr.path("perPage").asString()).isEqualTo("50");
        assertThat(attr.path("totalPages").asString()).isEqualTo("1");
        assertThat(r.json().path("topartists").path("artist").get(0).path("@attr").path("rank").asString())
                .isEqualTo("1");
        Response tracks = call("method", "user.getTopTracks", "user", user.username(), "sk", sk, "format", "json");
        JsonNode first = tracks.json().path("toptracks").path("track").get(0);
        assertThat(first.path("name").asString()).isEqualTo("A One");
        assertThat(first.path("artist").path("name").asString()).isEqualTo("Artist A");
        Response albums = call("method", "user.getTopAlbums", "user", user.username(), "sk", sk, "format", "json");
        assertThat(albums.json().path("topalbums").path("album").get(0).path("artist").path("name").asString())
                .isEqualTo("Artist A");
    }

    @Test
    void xmlIsTheDefaultFormat() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        StatsSeed.write(user);

        Response r = call("method", "user.getTopArtists", "user", user.username(), "sk", sk, "limit", "1");

        assertThat(r.header("Content-Type")).startsWith("text/xml");
        assertThat(r.body()).contains("<topartists user=\"" + user.username()
                + "\" page=\"1\" perPage=\"1\" totalPages=\"5\" total=\"5\">")
                .contains("<artist rank=\"1\">\n      <name>Artist A</name>\n      <playcount>3</playcount>");
        assertThat(call("method", "user.getTopTracks", "user", user.username(), "sk", sk).body())
                .contains("<toptracks user=\"" + user.username() + "\"");
        assertThat(call("method", "user.getTopAlbums", "user", user.username(), "sk", sk).body())
                .contains("<name>Album A</name>");
    }

    @Test
    void limitAndPageBoundaries() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        StatsSeed.write(user);

        Response second = call("method", "user.getTopArtists", "user", user.username(), "sk", sk, "limit", "2",
                "page", "2", "format", "json");
        assertThat(chart(second, "topartists", "artist").keySet()).containsExactly("Artist C", "Artist D");
        assertThat(second.json().path("topartists").path("artist").get(0).path("@attr").path("rank").asString())
                .isEqualTo("3");
        assertThat(second.json().path("topartists").path("@attr").path("totalPages").asString()).isEqualTo("3");
        Response last = call("method", "user.getTopArtists", "user", user.username(), "sk", sk, "limit", "2",
                "page", "3", "format", "json");
        assertThat(chart(last, "topartists", "artist").keySet()).containsExactly("Artist E");
        Response beyond = call("method", "user.getTopArtists", "user", user.username(), "sk", sk, "limit", "2",
                "page", "4", "format", "json");
        assertThat(beyond.json().path("topartists").path("artist").isArray()).isTrue();
        assertThat(beyond.json().path("topartists").path("artist")).isEmpty();
        assertThat(beyond.json().path("topartists").path("@attr").path("total").asString()).isEqualTo("5");
        for (String[] bad : List.of(new String[] {"limit", "0"}, new String[] {"page", "0"},
                new String[] {"limit", "x"}, new String[] {"period", "2month"})) {
            Response r = call("method", "user.getTopArtists", "user", user.username(), "sk", sk, bad[0], bad[1],
                    "format", "json");
            assertThat(r.status()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
            assertThat(r.json().path("error").asInt()).isEqualTo(6);
            assertThat(r.json().path("message").asString()).contains(bad[0]);
        }
    }

    @Test
    void userInfoPlaycountIsAllTimePlays() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        StatsSeed.write(user);

        Response r = call("method", "user.getInfo", "user", user.username(), "sk", sk, "format", "json");

        // nine listens, one of them a skip
        assertThat(r.json().path("user").path("playcount").asString()).isEqualTo("8");
        assertThat(call("method", "user.getInfo", "user", user.username(), "sk", sk).body())
                .contains("<playcount>8</playcount>");
    }

    @Test
    void weeklyChartsAreTheUsersCompleteWeeks() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        StatsSeed seed = StatsSeed.write(user);

        Response list = call("method", "user.getWeeklyChartList", "user", user.username(), "sk", sk, "format",
                "json");
        JsonNode charts = list.json().path("weeklychartlist").path("chart");
        assertThat(charts.size()).isGreaterThanOrEqualTo(2);
        JsonNode lastWeek = charts.get(charts.size() - 1);
        long from = seed.lastWeek.getEpochSecond() - 12 * 3600;
        assertThat(lastWeek.path("from").asLong()).isEqualTo(from);
        assertThat(lastWeek.path("to").asLong()).isEqualTo(from + 7 * 86400);
        assertThat(charts.get(0).path("from").asLong()).isLessThanOrEqualTo(seed.lastQuarter.getEpochSecond());
        for (int i = 1; i < charts.size(); i++) {
            assertThat(charts.get(i).path("from").asLong()).isEqualTo(charts.get(i - 1).path("to").asLong());
        }

        Response chart = call("method", "user.getWeeklyArtistChart", "user", user.username(), "sk", sk,
                "from", String.valueOf(from), "to", String.valueOf(from + 7 * 86400), "format", "json");
        NativeTop nativeWeek = StatsSeed.nativeTop(user, Entity.ARTISTS, StatsSeed.dates(from,
                from + 7 * 86400));
        assertThat(chart(chart, "weeklyartistchart", "artist")).isEqualTo(nativeWeek.plays())
                .containsExactly(Map.entry("Artist A", 3L), Map.entry("Artist B", 2L), Map.entry("Artist C", 1L));
        JsonNode attr = chart.json().path("weeklyartistchart").path("@attr");
        assertThat(attr.path("from").asLong()).isEqualTo(from);
        Response latest = call("method", "user.getWeeklyArtistChart", "user", user.username(), "sk", sk, "format",
                "json");
        assertThat(latest.json().path("weeklyartistchart").path("@attr").path("from").asLong()).isEqualTo(from);
        Response half = call("method", "user.getWeeklyArtistChart", "user", user.username(), "sk", sk, "from",
                String.valueOf(from), "format", "json");
        assertThat(half.json().path("error").asInt()).isEqualTo(6);
        assertThat(Instant.ofEpochSecond(from)).isBefore(seed.now);
    }

    @Test
    void aPrivateProfilesChartsLookLikeAMissingUserToOthers() {
        User owner = api().newUser();
        StatsSeed.write(owner);
        User other = api().newUser();
        String otherSk = lastfm().sessionKey(other);
        String ownSk = lastfm().sessionKey(owner);
        for (String method : List.of("user.getTopArtists", "user.getTopTracks", "user.getTopAlbums",
                "user.getWeeklyChartList", "user.getWeeklyArtistChart", "user.getInfo")) {
            for (String format : List.of("xml", "json")) {
                Response missing = call("method", method, "user", "nobody-" + owner.username(), "format", format);
                Response anonymous = call("method", method, "user", owner.username(), "format", format);
                Response foreign = call("method", method, "user", owner.username(), "sk", otherSk, "format", format);
                assertThat(missing.body()).contains(format.equals("xml") ? "<error code=\"6\">User not found</error>"
                        : "{\"error\":6,\"message\":\"User not found\"}");
                assertThat(anonymous.status()).isEqualTo(missing.status());
                assertThat(anonymous.body()).as(method).isEqualTo(missing.body());
                assertThat(foreign.body()).as(method).isEqualTo(missing.body());
            }
            assertThat(call("method", method, "user", owner.username(), "sk", ownSk).status()).as(method)
                    .isEqualTo(200);
        }
    }

    @Test
    void aPublicProfilesChartsAreServedWithoutASession() {
        User owner = api().newUser();
        StatsSeed.write(owner);
        assertThat(owner.api().patch("/api/v1/me", Map.of("profile_visibility", "PUBLIC")).status()).isEqualTo(200);

        Response r = call("method", "user.getTopArtists", "user", owner.username(), "format", "json");

        assertThat(chart(r, "topartists", "artist")).hasSize(5);
        assertThat(call("method", "user.getInfo", "user", owner.username(), "format", "json").json().path("user")
                .path("playcount").asString()).isEqualTo("8");
    }
}
