package org.tonearm.compat.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.compat.lastfm.LastfmTestClient.params;
import static org.tonearm.schema.Tables.LISTENS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api.Response;
import org.tonearm.testsupport.Api.User;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** track.scrobble, track.updateNowPlaying, track.love/unlove and user.getRecentTracks through the funnel. */
class LastfmScrobbleIntegrationTests extends IntegrationTestBase {

    private static final long NOW_S = System.currentTimeMillis() / 1000;

    private LastfmTestClient lastfm() {
        return new LastfmTestClient(api());
    }

    private List<Record> listensOf(long userId) {
        return database.dsl().select(LISTENS.fields()).from(LISTENS).where(LISTENS.USER_ID.eq(userId))
                .orderBy(LISTENS.LISTENED_AT).fetch().stream().map(r -> (Record) r).toList();
    }

    private static Map<String, String> batch(String sk, int count, long firstTimestamp) {
        Map<String, String> p = params("method", "track.scrobble", "sk", sk, "format", "json");
        for (int i = 0; i < count; i++) {
            p.put("artist[" + i + "]", "Batch Artist");
            p.put("track[" + i + "]", "Song " + i);
            p.put("timestamp[" + i + "]", String.valueOf(firstTimestamp + i * 300));
        }
        return p;
    }

    @Test
    void singleScrobbleWithoutIndexIsStoredAtItsStartWithExtrasAndRaw() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        long ts = NOW_S - 600;
        Response r = lastfm().post(params("method", "track.scrobble", "sk", sk, "artist", "The Beatles",
                "track", "Hey Jude", "timestamp", String.valueOf(ts), "album", "Hey Jude", "albumArtist", "The Beatles",
                "duration", "431", "trackNumber", "1", "chosenByUser", "1",
                "mbid", "b10bbbfc-cf9e-42e0-be17-e2c3e1d2600d"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<scrobbles ignored=\"0\" accepted=\"1\">", "<track corrected=\"0\">Hey Jude</track>",
                "<timestamp>" + ts + "</timestamp>", "<ignoredMessage code=\"0\"/>");
        List<Record> rows = listensOf(user.id());
        assertThat(rows).hasSize(1);
        Record row = rows.get(0);
        assertThat(row.get(LISTENS.LISTENED_AT)).isEqualTo(ts * 1000);
        assertThat(row.get(LISTENS.CHANNEL)).isEqualTo("lastfm_api");
        assertThat(row.get(LISTENS.SERVICE)).isEqualTo("other");
        assertThat(row.get(LISTENS.TRACK_LENGTH_MS)).isEqualTo(431_000L);
        assertThat(row.get(LISTENS.EXTRA)).contains("albumArtist", "chosenByUser", "trackNumber", "mbid");
        assertThat(row.get(LISTENS.RAW)).contains("\"artist\":\"The Beatles\"", "\"timestamp\":\"" + ts + "\"")
                .doesNotContain(sk);
    }

    @Test
    void batchAnswersAnArrayInIndexOrderAndIgnoresTooOldTimestamps() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        Map<String, String> p = batch(sk, 3, NOW_S - 3600);
        p.put("timestamp[1]", String.valueOf(NOW_S - 15 * 86_400));
        JsonNode scrobbles = lastfm().post(p).json().path("scrobbles");
        assertThat(scrobbles.path("@attr").path("accepted").asInt()).isEqualTo(2);
        assertThat(scrobbles.path("@attr").path("ignored").asInt()).isEqualTo(1);
        JsonNode list = scrobbles.path("scrobble");
        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).path("track").path("#text").asString()).isEqualTo("Song 0");
        assertThat(list.get(1).path("ignoredMessage").path("code").asString()).isEqualTo("3");
        assertThat(list.get(2).path("ignoredMessage").path("code").asString()).isEqualTo("0");
        assertThat(listensOf(user.id())).hasSize(2);
    }

    @Test
    void aResentBatchIsAcceptedAgainButStoredOnce() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        Map<String, String> p = batch(sk, 4, NOW_S - 7200);
        lastfm().post(p);
        Response again = lastfm().post(p);
        assertThat(again.json().path("scrobbles").path("@attr").path("accepted").asInt()).isEqualTo(4);
        assertThat(listensOf(user.id())).hasSize(4);
    }

    @Test
    void fiftyScrobblesAreOneBatchFiftyOneAreRejectedWhole() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        Response tooMany = lastfm().post(batch(sk, 51, NOW_S - 86_400));
        assertThat(tooMany.json().path("error").asInt()).isEqualTo(6);
        assertThat(listensOf(user.id())).isEmpty();
        Response fifty = lastfm().post(batch(sk, 50, NOW_S - 86_400));
        assertThat(fifty.json().path("scrobbles").path("@attr").path("accepted").asInt()).isEqualTo(50);
        assertThat(listensOf(user.id())).hasSize(50);
    }

    @Test
    void aMissingTrackAtAnIndexIsErrorSixNamingIt() {
        User user = api().newUser();
        Map<String, String> p = batch(lastfm().sessionKey(user), 2, NOW_S - 900);
        p.remove("track[1]");
        Response r = lastfm().post(p);
        assertThat(r.json().path("error").asInt()).isEqualTo(6);
        assertThat(r.json().path("message").asString()).contains("track[1]");
        assertThat(listensOf(user.id())).isEmpty();
    }

    @Test
    void anUnknownSessionKeyIsErrorNine() {
        Response r = lastfm().post(batch("00000000000000000000000000000000", 1, NOW_S - 900));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").asInt()).isEqualTo(9);
        Response xml = lastfm().post(params("method", "track.scrobble", "artist", "a", "track", "t", "timestamp", "1"));
        org.tonearm.compat.Golden.assertMatches("lastfm/error_invalid_session.xml", xml.body());
    }

    @Test
    void theApiIsAlsoAnsweredAtTwoPointZeroForHostOnlyClients() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        for (String path : List.of("/2.0/", "/2.0")) {
            Response r = new LastfmTestClient(api(), path).post(params("method", "track.scrobble", "sk", sk,
                    "artist", "Host Only", "track", "Song at " + path.length(), "timestamp",
                    String.valueOf(NOW_S - 100 * path.length()), "format", "json"));
            assertThat(r.json().path("scrobbles").path("@attr").path("accepted").asInt()).isEqualTo(1);
        }
        assertThat(listensOf(user.id())).hasSize(2);
    }

    @Test
    void nowPlayingIsNeverStoredButHeadsRecentTracks() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        lastfm().post(batch(sk, 1, NOW_S - 1200));
        Response np = lastfm().post(params("method", "track.updateNowPlaying", "sk", sk, "artist", "Live Artist",
                "track", "Live Track", "duration", "200"));
        assertThat(np.body()).contains("<nowplaying>", "<track corrected=\"0\">Live Track</track>");
        assertThat(listensOf(user.id())).hasSize(1);

        Response recent = lastfm().get(params("method", "user.getRecentTracks", "user", user.username(), "sk", sk));
        assertThat(recent.body()).contains("<track nowplaying=\"true\">", "<name>Live Track</name>",
                "<recenttracks user=\"" + user.username() + "\" page=\"1\" perPage=\"50\" totalPages=\"1\" total=\"1\">");
        JsonNode json = lastfm().get(params("method", "user.getRecentTracks", "sk", sk, "format", "json")).json();
        JsonNode tracks = json.path("recenttracks").path("track");
        assertThat(tracks.size()).isEqualTo(2);
        assertThat(tracks.get(0).path("@attr").path("nowplaying").asString()).isEqualTo("true");
        assertThat(tracks.get(1).path("date").path("uts").asString()).isEqualTo(String.valueOf(NOW_S - 1200));
    }

    @Test
    void recentTracksPagesNewestFirstAndFiltersByFromAndTo() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        long first = NOW_S - 10_000;
        lastfm().post(batch(sk, 5, first)); // Song 0..4, 300 s apart
        JsonNode page2 = lastfm().get(params("method", "user.getRecentTracks", "sk", sk, "limit", "2", "page", "2",
                "format", "json")).json().path("recenttracks");
        assertThat(page2.path("@attr").path("total").asString()).isEqualTo("5");
        assertThat(page2.path("@attr").path("totalPages").asString()).isEqualTo("3");
        assertThat(page2.path("track").findValuesAsString("name")).containsExactly("Song 2", "Song 1");

        JsonNode window = lastfm().get(params("method", "user.getRecentTracks", "sk", sk, "format", "json",
                "from", String.valueOf(first + 300), "to", String.valueOf(first + 900))).json().path("recenttracks");
        assertThat(window.path("track").findValuesAsString("name")).containsExactly("Song 3", "Song 2", "Song 1");

        JsonNode beyond = lastfm().get(params("method", "user.getRecentTracks", "sk", sk, "page", "9",
                "format", "json")).json().path("recenttracks");
        assertThat(beyond.path("track").isArray()).isTrue();
        assertThat(beyond.path("track").size()).isZero();
    }

    @Test
    void loveAndUnloveAnswerAnEmptyOk() {
        User user = api().newUser();
        String sk = lastfm().sessionKey(user);
        Map<String, String> love = new LinkedHashMap<>(params("method", "track.love", "sk", sk, "artist", "A",
                "track", "T"));
        assertThat(lastfm().post(love).body()).contains("<lfm status=\"ok\"/>");
        love.put("method", "track.unlove");
        love.put("format", "json");
        assertThat(lastfm().post(love).body()).isEqualTo("{}");
        love.remove("track");
        assertThat(lastfm().post(love).json().path("error").asInt()).isEqualTo(6);
    }
}
