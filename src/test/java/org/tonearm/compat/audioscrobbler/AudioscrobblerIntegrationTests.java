package org.tonearm.compat.audioscrobbler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.LISTENS;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tonearm.compat.Golden;
import org.tonearm.compat.lastfm.LegacyDigests;
import org.tonearm.testsupport.Api.Response;
import org.tonearm.testsupport.Api.User;
import org.tonearm.testsupport.IntegrationTestBase;

/** The Audioscrobbler 1.2 handshake, now playing and submissions, with plain-text replies against golden files. */
class AudioscrobblerIntegrationTests extends IntegrationTestBase {

    private static final String BASE = "/apis/audioscrobbler/";

    private String token(User user) {
        return user.api().post("/api/v1/me/tokens", Map.of("name", "mpd")).json().path("token").asString();
    }

    private Response handshake(String user, String secret, long t) {
        String a = LegacyDigests.md5Hex(LegacyDigests.md5Hex(secret) + t);
        return api().get(BASE + "?hs=true&p=1.2&c=tst&v=1.0&u=" + user + "&t=" + t + "&a=" + a);
    }

    private Response post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return api().send("POST", path, body, "application/x-www-form-urlencoded");
    }

    /** The handshake's lines: OK, session id, now-playing URL, submission URL. */
    private String[] session(User user) {
        Response r = handshake(user.username(), token(user), System.currentTimeMillis() / 1000);
        return r.body().split("\n");
    }

    private String normalized(Response r) {
        return r.body().replace("http://127.0.0.1:" + port, "<base>").replaceAll("(?m)^[0-9a-f]{32}$", "<session>");
    }

    @Test
    void handshakeWithAnApiTokenAnswersOkSessionAndUrls() {
        User user = api().newUser();
        Response r = handshake(user.username(), token(user), System.currentTimeMillis() / 1000);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        Golden.assertMatches("audioscrobbler/handshake_ok.txt", normalized(r));
    }

    @Test
    void handshakeWithAWrongSecretOrThePasswordIsBadauth() {
        User user = api().newUser();
        long t = System.currentTimeMillis() / 1000;
        Golden.assertMatches("audioscrobbler/badauth.txt", handshake(user.username(), "not a token", t).body());
        // the password's bcrypt hash cannot check md5(md5(password) + t): documented, tokens only
        assertThat(handshake(user.username(), "correct horse battery " + user.username(), t).body())
                .isEqualTo("BADAUTH\n");
    }

    @Test
    void handshakeMoreThanAnHourOffTheClockIsBadtime() {
        User user = api().newUser();
        String token = token(user);
        long now = System.currentTimeMillis() / 1000;
        Golden.assertMatches("audioscrobbler/badtime.txt", handshake(user.username(), token, now - 3700).body());
        assertThat(handshake(user.username(), token, now - 3500).body()).startsWith("OK\n");
    }

    @Test
    void handshakeWithoutHsIsAnInformationalMessageAndMissingParametersFail() {
        assertThat(api().get(BASE).body()).contains("Audioscrobbler 1.2");
        Golden.assertMatches("audioscrobbler/failed_missing_parameter.txt",
                api().get(BASE + "?hs=true&p=1.2&c=tst&v=1&t=1&a=x").body());
        assertThat(api().get(BASE + "?hs=true&p=1.1&c=tst&v=1&u=x&t=1&a=x").body()).startsWith("FAILED ");
    }

    @Test
    void submissionsAreStoredThroughTheFunnelSkipsAndBansAreNot() {
        User user = api().newUser();
        String[] hs = session(user);
        long start = System.currentTimeMillis() / 1000 - 3600;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("s", hs[1]);
        for (int i = 0; i < 3; i++) {
            form.put("a[" + i + "]", "Old Player Artist");
            form.put("t[" + i + "]", "Track " + i);
            form.put("i[" + i + "]", String.valueOf(start + i * 400));
            form.put("o[" + i + "]", "P");
            form.put("r[" + i + "]", i == 2 ? "S" : "");
            form.put("l[" + i + "]", "240");
            form.put("b[" + i + "]", "Album");
            form.put("n[" + i + "]", "");
            form.put("m[" + i + "]", "");
        }
        Response r = post(hs[3].replace("http://127.0.0.1:" + port, ""), form);
        Golden.assertMatches("audioscrobbler/ok.txt", r.body());
        var rows = database.dsl().selectFrom(LISTENS).where(LISTENS.USER_ID.eq(user.id()))
                .orderBy(LISTENS.LISTENED_AT).fetch();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getListenedAt()).isEqualTo(start * 1000);
        assertThat(rows.get(0).getChannel()).isEqualTo("audioscrobbler_api");
        assertThat(rows.get(0).getClient()).isEqualTo("tst");
        assertThat(rows.get(0).getTrackLengthMs()).isEqualTo(240_000L);
        assertThat(rows.get(0).getExtra()).contains("chosenByUser");
    }

    @Test
    void anUnknownSessionIsBadsession() {
        Map<String, String> form = Map.of("s", "0123456789abcdef0123456789abcdef", "a[0]", "a", "t[0]", "t", "i[0]", "1");
        Golden.assertMatches("audioscrobbler/badsession.txt", post(BASE + "submissions", form).body());
        assertThat(post(BASE + "nowplaying", Map.of("s", "nope", "a", "a", "t", "t")).body()).isEqualTo("BADSESSION\n");
    }

    @Test
    void fiftyOneTracksFailTheWholeSubmission() {
        User user = api().newUser();
        String[] hs = session(user);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("s", hs[1]);
        for (int i = 0; i < 51; i++) {
            form.put("a[" + i + "]", "A");
            form.put("t[" + i + "]", "T" + i);
            form.put("i[" + i + "]", String.valueOf(System.currentTimeMillis() / 1000 - 100_000 + i * 300));
        }
        assertThat(post(BASE + "submissions", form).body()).startsWith("FAILED ");
        assertThat(database.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(user.id()))).isZero();
    }

    @Test
    void nowPlayingIsNotStoredButIsSharedWithLastfmRecentTracks() {
        User user = api().newUser();
        String[] hs = session(user);
        Response r = post(BASE + "nowplaying", Map.of("s", hs[1], "a", "Shared Artist", "t", "Shared Track",
                "b", "", "l", "300", "n", "", "m", ""));
        assertThat(r.body()).isEqualTo("OK\n");
        assertThat(database.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(user.id()))).isZero();
        String token = token(user);
        String sk = api().send("POST", "/apis/lastfm/2.0/", "method=auth.getMobileSession&api_key=k&format=json&username="
                + user.username() + "&password=" + token, "application/x-www-form-urlencoded")
                .json().path("session").path("key").asString();
        Response recent = api().get("/apis/lastfm/2.0/?method=user.getRecentTracks&api_key=k&sk=" + sk);
        assertThat(recent.body()).contains("<track nowplaying=\"true\">", "<name>Shared Track</name>");
    }
}
