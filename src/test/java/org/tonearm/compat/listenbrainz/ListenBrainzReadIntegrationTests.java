package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** user/{user}/listens, listen-count, playing-now and delete-listen; privacy of the read endpoints. */
class ListenBrainzReadIntegrationTests extends IntegrationTestBase {

    private static final long T0 = 1714564800L;

    /** A user with listens at T0, T0+100, …, T0+(n-1)*100. */
    private ListenBrainzClient withListens(int n) {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        StringBuilder body = new StringBuilder("{\"listen_type\": \"import\", \"payload\": [");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append(ListenBrainzClient.listen(T0 + i * 100L, "Artist " + i, "Track " + i));
        }
        assertThat(c.submit(body.append("]}").toString()).status()).isEqualTo(200);
        return c;
    }

    private static List<Long> times(Api.Response r) {
        return r.json().path("payload").path("listens").valueStream().map(l -> l.path("listened_at").asLong()).toList();
    }

    @Test
    void listensAreNewestFirstWithTheUsersSpan() {
        ListenBrainzClient c = withListens(3);

        JsonNode payload = c.listens("").json().path("payload");

        assertThat(payload.path("count").asInt()).isEqualTo(3);
        assertThat(payload.path("user_id").asString()).isEqualTo(c.name());
        assertThat(payload.path("latest_listen_ts").asLong()).isEqualTo(T0 + 200);
        assertThat(payload.path("oldest_listen_ts").asLong()).isEqualTo(T0);
        assertThat(times(c.listens(""))).containsExactly(T0 + 200, T0 + 100, T0);
        JsonNode first = payload.path("listens").get(0);
        assertThat(first.path("track_metadata").path("artist_name").asString()).isEqualTo("Artist 2");
        assertThat(first.path("user_name").asString()).isEqualTo(c.name());
        assertThat(first.path("recording_msid").asString())
                .isEqualTo(first.path("track_metadata").path("additional_info").path("recording_msid").asString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void minAndMaxTsAreExclusiveAndCountLimits() {
        ListenBrainzClient c = withListens(5);

        assertThat(times(c.listens("?max_ts=" + (T0 + 300)))).containsExactly(T0 + 200, T0 + 100, T0);
        // min_ts: the listens right after it, still newest first
        assertThat(times(c.listens("?min_ts=" + (T0 + 100) + "&count=2"))).containsExactly(T0 + 300, T0 + 200);
        assertThat(times(c.listens("?min_ts=" + T0 + "&max_ts=" + (T0 + 200)))).containsExactly(T0 + 100);
        assertThat(times(c.listens("?count=1"))).containsExactly(T0 + 400);
        assertThat(times(c.listens("?count=0"))).isEmpty();
    }

    @Test
    void badParametersAnswerWithListenBrainzMessages() {
        ListenBrainzClient c = withListens(1);

        assertThat(c.listens("?count=abc").json().path("error").asString()).isEqualTo("Invalid count argument: abc");
        assertThat(c.listens("?count=-1").json().path("error").asString())
                .isEqualTo("Number of items requested should be positive");
        assertThat(c.listens("?min_ts=20&max_ts=10").json().path("error").asString())
                .isEqualTo("max_ts should be greater than min_ts");
        Api.Response equal = c.listens("?min_ts=10&max_ts=10");
        assertThat(equal.status()).isEqualTo(400);
        assertThat(equal.json().path("error").asString()).isEqualTo("min_ts should be less than max_ts");
    }

    @Test
    void listenCountCountsEveryStoredListen() {
        ListenBrainzClient c = withListens(4);

        Api.Response r = c.lb().get(ListenBrainzClient.BASE + "/user/" + c.name() + "/listen-count");

        assertThat(r.json().path("payload").path("count").asLong()).isEqualTo(4);
    }

    @Test
    void aPrivateProfileIsReadOnlyByItsOwnersTokenAndOthersSeeAnUnknownUser() {
        ListenBrainzClient owner = withListens(1);
        ListenBrainzClient other = ListenBrainzClient.create(api());
        ListenBrainzClient ownerWithoutRead = ListenBrainzClient.create(api(), List.of("listens:write"));
        String path = ListenBrainzClient.BASE + "/user/" + owner.name() + "/listens";
        Api.Response unknown = api().get(ListenBrainzClient.BASE + "/user/nobody" + owner.name() + "/listens");

        assertThat(owner.lb().get(path).status()).isEqualTo(200);
        for (Api caller : List.of(api(), other.lb())) {
            Api.Response r = caller.get(path);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().path("error").asString()).isEqualTo("Cannot find user: " + owner.name());
        }
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asString()).isEqualTo("Cannot find user: nobody" + owner.name());
        assertThat(ownerWithoutRead.lb().get(ListenBrainzClient.BASE + "/user/" + ownerWithoutRead.name()
                + "/listen-count").status()).isEqualTo(404);
        assertThat(api().get(ListenBrainzClient.BASE + "/user/" + owner.name() + "/playing-now").status())
                .isEqualTo(404);
    }

    @Test
    void aPublicProfileIsReadByAnyone() {
        ListenBrainzClient owner = withListens(2);
        owner.makePublic();

        Api.Response r = api().get("/1/user/" + owner.name() + "/listens");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("payload").path("count").asInt()).isEqualTo(2);
        assertThat(api().get("/1/user/" + owner.name() + "/playing-now").json().path("payload").path("count").asInt())
                .isZero();
    }

    @Test
    void deleteListenRemovesTheListenWithThatMsidAndSecond() {
        ListenBrainzClient c = withListens(2);
        JsonNode newest = c.listens("").json().path("payload").path("listens").get(0);
        String msid = newest.path("recording_msid").asString();

        Api.Response wrongSecond = c.lb().post(ListenBrainzClient.BASE + "/delete-listen",
                "{\"listened_at\": " + T0 + ", \"recording_msid\": \"" + msid + "\"}");
        assertThat(wrongSecond.status()).isEqualTo(200);
        assertThat(times(c.listens(""))).hasSize(2);

        Api.Response r = c.lb().post("/1/delete-listen",
                "{\"listened_at\": " + (T0 + 100) + ", \"recording_msid\": \"" + msid + "\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("ok");
        assertThat(times(c.listens(""))).containsExactly(T0);
    }

    @Test
    void deleteListenChecksItsBodyLikeListenBrainz() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        String path = ListenBrainzClient.BASE + "/delete-listen";

        assertThat(c.lb().post(path, "{}").json().path("error").asString()).isEqualTo("Listen timestamp missing.");
        assertThat(c.lb().post(path, "{\"listened_at\": \"x\"}").json().path("error").asString())
                .isEqualTo("x: Listen timestamp invalid.");
        assertThat(c.lb().post(path, "{\"listened_at\": 1}").json().path("error").asString())
                .isEqualTo("Recording MSID missing.");
        assertThat(c.lb().post(path, "{\"listened_at\": 1, \"recording_msid\": \"abc\"}").json().path("error")
                .asString()).isEqualTo("abc: Recording MSID format invalid.");
        assertThat(api().post(path, "{}").status()).isEqualTo(401);
    }
}
