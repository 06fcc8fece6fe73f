package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Parity with the current ListenBrainz server (issue #10 item 2), under both prefixes: playing_now with
 * {@code ?return_msid=true} answers the recording's msid, which delete-listen and recording feedback take; a blank
 * optional name is dropped.
 */
class ListenBrainzParityIntegrationTests extends IntegrationTestBase {

    private static final long T0 = 1714564800L;

    private static String playingNow(String artist, String track) {
        return "{\"listen_type\": \"playing_now\", \"payload\": [{\"track_metadata\": {\"artist_name\": \"" + artist
                + "\", \"track_name\": \"" + track + "\"}}]}";
    }

    private static String msidOfPlayingNow(ListenBrainzClient c, String prefix, String artist, String track) {
        Api.Response r = c.lb().send("POST", prefix + "/submit-listens?return_msid=true", playingNow(artist, track),
                "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("ok");
        String msid = r.json().path("recording_msid").asString();
        assertThat(msid).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        return msid;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/1", "/apis/listenbrainz/1"})
    void playingNowWithReturnMsidAnswersTheMsidTheListenOfThatRecordingShows(String prefix) {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        String track = "Parity " + prefix.length();
        String msid = msidOfPlayingNow(c, prefix, "Msid Artist", track);
        // without the flag: ListenBrainz's plain answer
        Api.Response plain = c.lb().send("POST", prefix + "/submit-listens", playingNow("Msid Artist", track),
                "application/json");
        assertThat(plain.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(c.lb().send("POST", prefix + "/submit-listens?return_msid=maybe", playingNow("A", "B"),
                "application/json").status()).isEqualTo(400);

        // the same recording, submitted as a listen in another spelling, shows the same msid
        c.submit(ListenBrainzClient.single(ListenBrainzClient.listen(T0, "msid  ARTIST", track.toUpperCase())));
        JsonNode listen = c.listens("").json().path("payload").path("listens").get(0);
        assertThat(listen.path("recording_msid").asString()).isEqualTo(msid);

        // and delete-listen takes it
        Api.Response deleted = c.lb().send("POST", prefix + "/delete-listen",
                "{\"listened_at\": " + T0 + ", \"recording_msid\": \"" + msid + "\"}", "application/json");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(c.listens("").json().path("payload").path("count").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/1", "/apis/listenbrainz/1"})
    void recordingFeedbackLovesHatesAndRemovesByThePlayingNowMsid(String prefix) {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        String msid = msidOfPlayingNow(c, prefix, "Feedback Artist", "Feedback Track");
        String get = prefix + "/feedback/user/" + c.name() + "/get-feedback";

        Api.Response love = c.lb().send("POST", prefix + "/feedback/recording-feedback",
                "{\"recording_msid\": \"" + msid + "\", \"score\": 1}", "application/json");
        assertThat(love.status()).as(love.body()).isEqualTo(200);
        assertThat(love.body()).isEqualTo("{\"status\":\"ok\"}");
        JsonNode page = c.lb().get(get).json();
        assertThat(page.path("total_count").asInt()).isEqualTo(1);
        assertThat(page.path("feedback").get(0).path("recording_msid").asString()).isEqualTo(msid);
        assertThat(page.path("feedback").get(0).path("score").asInt()).isEqualTo(1);

        c.lb().send("POST", prefix + "/feedback/recording-feedback",
                "{\"recording_msid\": \"" + msid + "\", \"score\": -1}", "application/json");
        assertThat(c.lb().get(get).json().path("feedback").get(0).path("score").asInt()).isEqualTo(-1);
        assertThat(c.lb().get(get + "?score=1").json().path("total_count").asInt()).isZero();

        c.lb().send("POST", prefix + "/feedback/recording-feedback",
                "{\"recording_msid\": \"" + msid + "\", \"score\": 0}", "application/json");
        assertThat(c.lb().get(get).json().path("total_count").asInt()).isZero();

        // another user sees none of it while the profile is private
        assertThat(api().get(get).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/1", "/apis/listenbrainz/1"})
    void recordingFeedbackChecksItsBodyLikeListenBrainz(String prefix) {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        String path = prefix + "/feedback/recording-feedback";
        String uuid = "b10bbbfc-cf9e-42e0-be17-e2c3e1d2600d";

        assertThat(c.lb().send("POST", path, "{\"score\": 1}", "application/json").json().path("error").asString())
                .isEqualTo("JSON document must contain either recording_msid or recording_mbid, and score top level keys");
        Api.Response two = c.lb().send("POST", path, "{\"recording_mbid\": \"" + uuid + "\", \"score\": 2}",
                "application/json");
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().path("code").asInt()).isEqualTo(400);
        assertThat(c.lb().send("POST", path, "{\"recording_msid\": \"x\", \"score\": 1}", "application/json")
                .status()).isEqualTo(400);
        assertThat(c.lb().send("POST", path, "{\"recording_mbid\": \"" + uuid + "\", \"score\": 1, \"x\": 1}",
                "application/json").status()).isEqualTo(400);
        assertThat(api().send("POST", path, "{\"recording_mbid\": \"" + uuid + "\", \"score\": 1}",
                "application/json").status()).isEqualTo(401);
        assertThat(c.anonymous().send("GET", path, null, null).status()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/1", "/apis/listenbrainz/1"})
    void aBlankReleaseNameIsDroppedNotRefused(String prefix) {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        Api.Response r = c.lb().send("POST", prefix + "/submit-listens",
                ListenBrainzClient.fixture("release_name_blank_is_dropped.json"), "application/json");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode listen = c.listens("").json().path("payload").path("listens").get(0);
        assertThat(listen.path("track_metadata").path("track_name").asString()).isEqualTo("Roads (blank release)");
        assertThat(listen.path("track_metadata").path("release_name").isNull()
                || listen.path("track_metadata").path("release_name").isMissingNode()).isTrue();
    }
}
