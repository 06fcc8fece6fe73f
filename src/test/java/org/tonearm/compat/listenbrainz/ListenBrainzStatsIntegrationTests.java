package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.compat.Golden;
import org.tonearm.compat.StatsSeed;
import org.tonearm.compat.StatsSeed.NativeTop;
import org.tonearm.stats.Entity;
import org.tonearm.stats.RangeRequest;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ListenBrainz's user statistics (issue #11 item 3) served from the stats module: the same numbers as the native
 * API for every mapped range, LB's payload shapes and paging, 204 for no data, both prefixes, profile visibility.
 */
class ListenBrainzStatsIntegrationTests extends org.tonearm.testsupport.IntegrationTestBase {

    private static final String[] ENTITIES = {"artists", "releases", "release-groups", "recordings"};

    private static String stats(String prefix, String user, String view, String query) {
        return prefix + "/stats/user/" + user + "/" + view + (query.isEmpty() ? "" : "?" + query);
    }

    /** LB entity list → name → listen_count, in order. */
    private static Map<String, Long> counts(JsonNode payload, String listKey, String nameKey) {
        Map<String, Long> m = new LinkedHashMap<>();
        payload.path(listKey).forEach(e -> m.put(e.path(nameKey).asString(), e.path("listen_count").asLong()));
        return m;
    }

    @Test
    void everyRangeShowsTheNativeNumbers() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        StatsSeed seed = StatsSeed.write(c.user());

        for (Map.Entry<String, RangeRequest> range : seed.listenBrainzRanges().entrySet()) {
            NativeTop artists = StatsSeed.nativeTop(c.user(), Entity.ARTISTS, range.getValue());
            NativeTop albums = StatsSeed.nativeTop(c.user(), Entity.ALBUMS, range.getValue());
            NativeTop tracks = StatsSeed.nativeTop(c.user(), Entity.TRACKS, range.getValue());
            String q = "range=" + range.getKey() + "&count=100";
            Api.Response a = c.lb().get(stats(ListenBrainzClient.BASE, c.name(), "artists", q));
            if (artists.total() == 0) {
                for (String view : ENTITIES) {
                    assertThat(c.lb().get(stats(ListenBrainzClient.BASE, c.name(), view, q)).status())
                            .as("%s %s without plays", view, range.getKey()).isEqualTo(204);
                }
                continue;
            }
            JsonNode p = a.json().path("payload");
            assertThat(p.path("range").asString()).isEqualTo(range.getKey());
            assertThat(p.path("total_artist_count").asLong()).as(range.getKey()).isEqualTo(artists.total());
            assertThat(counts(p, "artists", "artist_name")).as(range.getKey()).isEqualTo(artists.plays());
            JsonNode releases = c.lb().get(stats(ListenBrainzClient.BASE, c.name(), "releases", q)).json()
                    .path("payload");
            assertThat(releases.path("total_release_count").asLong()).isEqualTo(albums.total());
            assertThat(counts(releases, "releases", "release_name")).isEqualTo(albums.plays());
            JsonNode groups = c.lb().get(stats(ListenBrainzClient.BASE, c.name(), "release-groups", q)).json()
                    .path("payload");
            assertThat(groups.path("total_release_group_count").asLong()).isEqualTo(albums.total());
            assertThat(counts(groups, "release_groups", "release_group_name")).isEqualTo(albums.plays());
            JsonNode recordings = c.lb().get(stats(ListenBrainzClient.BASE, c.name(), "recordings", q)).json()
                    .path("payload");
            assertThat(recordings.path("total_recording_count").asLong()).isEqualTo(tracks.total());
            assertThat(counts(recordings, "recordings", "track_name")).isEqualTo(tracks.plays());
        }
    }

    @Test
    void allTimeCountsPlaysNotSkipsWithLbShape() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        StatsSeed.write(c.user());

        Api.Response r = c.lb().get(stats(ListenBrainzClient.BASE, c.name(), "artists", ""));

        assertThat(r.status()).isEqualTo(200);
        JsonNode p = r.json().path("payload");
        assertThat(counts(p, "artists", "artist_name")).containsExactly(Map.entry("Artist A", 3L),
                Map.entry("Artist B", 2L), Map.entry("Artist C", 1L), Map.entry("Artist D", 1L),
                Map.entry("Artist E", 1L));
        assertThat(p.path("user_id").asString()).isEqualTo(c.name());
        assertThat(p.path("range").asString()).isEqualTo("all_time");
        assertThat(p.path("from_ts").asLong()).isLessThan(p.path("to_ts").asLong());
        assertThat(p.path("last_updated").asLong()).isGreaterThanOrEqualTo(p.path("to_ts").asLong() - 5);
        // the wire shape, with what depends on the user and the clock normalized
        ObjectNode shape = (ObjectNode) r.json().deepCopy();
        ObjectNode payload = (ObjectNode) shape.path("payload");
        payload.put("user_id", "alice").put("from_ts", 0).put("to_ts", 0).put("last_updated", 0);
        Golden.assertMatches("listenbrainz/stats_artists_all_time.json", Api.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(shape) + "\n");
    }

    @Test
    void countAndOffsetPageLikeListenBrainz() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        StatsSeed.write(c.user());
        String base = ListenBrainzClient.BASE;

        JsonNode first = c.lb().get(stats(base, c.name(), "artists", "count=2")).json().path("payload");
        assertThat(counts(first, "artists", "artist_name").keySet()).containsExactly("Artist A", "Artist B");
        assertThat(first.path("count").asInt()).isEqualTo(2);
        assertThat(first.path("offset").asInt()).isZero();
        assertThat(first.path("total_artist_count").asInt()).isEqualTo(5);
        JsonNode last = c.lb().get(stats(base, c.name(), "artists", "count=2&offset=4")).json().path("payload");
        assertThat(last.path("count").asInt()).isEqualTo(1);
        assertThat(last.path("offset").asInt()).isEqualTo(4);
        JsonNode beyond = c.lb().get(stats(base, c.name(), "artists", "offset=5")).json().path("payload");
        assertThat(beyond.path("count").asInt()).isZero();
        assertThat(beyond.path("artists")).isEmpty();
        assertThat(beyond.path("total_artist_count").asInt()).isEqualTo(5);
        JsonNode none = c.lb().get(stats(base, c.name(), "artists", "count=0")).json().path("payload");
        assertThat(none.path("artists")).isEmpty();
        assertThat(none.path("total_artist_count").asInt()).isEqualTo(5);
        // default count: 25 (api_tools.py DEFAULT_ITEMS_PER_GET)
        assertThat(c.lb().get(stats(base, c.name(), "artists", "")).json().path("payload").path("count").asInt())
                .isEqualTo(5);
    }

    @Test
    void badParametersAnswerInListenBrainzWords() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        StatsSeed.write(c.user());
        String base = ListenBrainzClient.BASE;

        Api.Response range = c.lb().get(stats(base, c.name(), "artists", "range=fortnight"));
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.json().path("code").asInt()).isEqualTo(400);
        assertThat(range.json().path("error").asString()).isEqualTo("Invalid range: fortnight");
        assertThat(c.lb().get(stats(base, c.name(), "daily-activity", "range=7d")).json().path("error").asString())
                .isEqualTo("Invalid range: 7d");
        assertThat(c.lb().get(stats(base, c.name(), "recordings", "count=-1")).json().path("error").asString())
                .isEqualTo("'count' should be a non-negative integer");
        assertThat(c.lb().get(stats(base, c.name(), "releases", "offset=x")).json().path("error").asString())
                .isEqualTo("'offset' should be a non-negative integer");
        Api.Response post = c.lb().post(stats(base, c.name(), "artists", ""), "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void noPlaysAtAllIsNoContentOnEveryView() {
        ListenBrainzClient c = ListenBrainzClient.create(api());

        for (String view : List.of("artists", "releases", "release-groups", "recordings", "listening-activity",
                "daily-activity")) {
            Api.Response r = c.lb().get(stats(ListenBrainzClient.BASE, c.name(), view, ""));
            assertThat(r.status()).as(view).isEqualTo(204);
            assertThat(r.body()).as(view).isEmpty();
        }
    }

    @Test
    void bothPrefixesAnswerTheSame() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        StatsSeed.write(c.user());

        JsonNode api = c.lb().get(stats(ListenBrainzClient.BASE, c.name(), "recordings", "")).json().path("payload");
        JsonNode root = c.lb().get(stats("/1", c.name(), "recordings", "")).json().path("payload");

        assertThat(root.path("recordings")).isEqualTo(api.path("recordings"));
        assertThat(root.path("total_recording_count").asInt()).isEqualTo(6);
    }

    @Test
    void listeningAndDailyActivityAddUpToThePlaysOfTheRange() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        StatsSeed seed = StatsSeed.write(c.user());

        JsonNode week = c.lb().get(stats("/1", c.name(), "listening-activity", "range=week")).json().path("payload");
        assertThat(week.path("listening_activity")).hasSize(7);
        JsonNode monday = week.path("listening_activity").get(0);
        assertThat(monday.path("listen_count").asLong()).isEqualTo(3);
        assertThat(monday.path("from_ts").asLong()).isEqualTo(seed.lastWeek.getEpochSecond() - 12 * 3600);
        assertThat(monday.path("to_ts").asLong()).isEqualTo(seed.lastWeek.getEpochSecond() + 12 * 3600 - 1);
        assertThat(monday.path("time_range").asString()).startsWith("Monday ");
        long weekSum = 0;
        for (JsonNode b : week.path("listening_activity")) {
            weekSum += b.path("listen_count").asLong();
        }
        assertThat(weekSum).isEqualTo(StatsSeed.nativeTop(c.user(), Entity.TRACKS,
                RangeRequest.named("last_week")).plays().values().stream().mapToLong(Long::longValue).sum());
        JsonNode allTime = c.lb().get(stats("/1", c.name(), "listening-activity", "")).json().path("payload");
        long allSum = 0;
        for (JsonNode b : allTime.path("listening_activity")) {
            assertThat(b.path("listen_count").asLong()).as("all_time lists only years with plays").isPositive();
            allSum += b.path("listen_count").asLong();
        }
        assertThat(allSum).isEqualTo(8);

        JsonNode daily = c.lb().get(stats("/1", c.name(), "daily-activity", "range=week")).json().path("payload");
        assertThat(daily.path("daily_activity").propertyNames()).containsExactly("Monday", "Tuesday", "Wednesday",
                "Thursday", "Friday", "Saturday", "Sunday");
        JsonNode mondayHours = daily.path("daily_activity").path("Monday");
        assertThat(mondayHours).hasSize(24);
        assertThat(mondayHours.get(12).path("hour").asInt()).isEqualTo(12);
        assertThat(mondayHours.get(12).path("listen_count").asLong()).isEqualTo(3);
        assertThat(daily.path("daily_activity").path("Wednesday").get(12).path("listen_count").asLong())
                .as("the skip is not counted").isEqualTo(1);
    }

    @Test
    void yearInMusicSummarizesTheYear() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        StatsSeed seed = StatsSeed.write(c.user());
        // the year of last week's listens: it has plays whatever today is
        int year = seed.lastWeek.atZone(java.time.ZoneOffset.UTC).getYear();
        NativeTop nativeArtists = StatsSeed.nativeTop(c.user(), Entity.ARTISTS, RangeRequest.ofYear(year));
        long nativePlays = StatsSeed.nativeTop(c.user(), Entity.TRACKS, RangeRequest.ofYear(year)).plays()
                .values().stream().mapToLong(Long::longValue).sum();

        JsonNode p = c.lb().get(stats("/1", c.name(), "year-in-music/" + year, "")).json().path("payload");

        assertThat(p.path("user_name").asString()).isEqualTo(c.name());
        assertThat(p.path("data").path("total_listen_count").asLong()).isEqualTo(nativePlays);
        assertThat(p.path("data").path("top_artists").get(0).path("artist_name").asString())
                .isEqualTo(nativeArtists.plays().keySet().iterator().next());
        assertThat(p.path("data").path("top_artists").get(0).path("listen_count").asLong())
                .isEqualTo(nativeArtists.plays().values().iterator().next());
        JsonNode empty = c.lb().get(stats("/1", c.name(), "year-in-music/2003", "")).json();
        assertThat(empty.path("payload").path("data").isEmpty()).isTrue();
        assertThat(c.lb().get(stats("/1", c.name(), "year-in-music/last", "")).status()).isEqualTo(404);
    }

    @Test
    void aPrivateProfilesStatsAreOnlyForItsOwnerAndLookLikeAnUnknownUser() {
        ListenBrainzClient owner = ListenBrainzClient.create(api());
        StatsSeed.write(owner.user());
        ListenBrainzClient other = ListenBrainzClient.create(api());
        ListenBrainzClient statsOnly = ListenBrainzClient.create(api(), List.of("stats:read"));
        StatsSeed.write(statsOnly.user());

        assertThat(owner.lb().get(stats("/1", owner.name(), "artists", "")).status()).isEqualTo(200);
        assertThat(statsOnly.lb().get(stats("/1", statsOnly.name(), "artists", "")).status()).isEqualTo(200);
        for (String view : List.of("artists", "releases", "release-groups", "recordings", "listening-activity",
                "daily-activity", "year-in-music/2024")) {
            for (Api caller : List.of(api(), other.lb())) {
                Api.Response r = caller.get(stats("/1", owner.name(), view, ""));
                assertThat(r.status()).as(view).isEqualTo(404);
                assertThat(r.json().path("code").asInt()).isEqualTo(404);
                assertThat(r.json().path("error").asString()).isEqualTo("Cannot find user: " + owner.name());
            }
        }
        Api.Response unknown = api().get(stats("/1", "nobody" + owner.name(), "artists", ""));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asString()).isEqualTo("Cannot find user: nobody" + owner.name());
    }

    @Test
    void aPublicProfilesStatsAreServedWithoutAuthentication() {
        ListenBrainzClient owner = ListenBrainzClient.create(api());
        StatsSeed.write(owner.user());
        owner.makePublic();

        Api.Response r = api().get(stats(ListenBrainzClient.BASE, owner.name(), "artists", "range=all_time"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("payload").path("total_artist_count").asInt()).isEqualTo(5);
    }
}
