package org.tonearm.integrations.internal.listenbrainz;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.INTEGRATION_CONNECTIONS;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.integrations.internal.connection.ConnectionScheduler;
import org.tonearm.integrations.internal.scrobbling.FakeListenBrainz;
import org.tonearm.integrations.internal.scrobbling.FakeListenBrainz.Listen;
import org.tonearm.integrations.internal.scrobbling.ScrobbleSyncTestBase;
import org.tonearm.shared.Instants;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;

/**
 * Pulling a ListenBrainz history through {@code /api/v1/connections/listenbrainz} (docs/api.md
 * #connections-lastfm-and-listenbrainz; issue 13 items 3 and 7) against a fake ListenBrainz that pages like the real
 * one ({@link org.tonearm.integrations.internal.scrobbling.FakeListenBrainz}), 25 listens per page: the backfill by
 * {@code max_ts}, plays sharing a second across a page boundary, a resumed backfill, a revoked token, 429 with
 * {@code X-RateLimit-Reset-In}, malformed answers, and the poll for new plays — each checked as the user sees it
 * (the connection, the listens) and with every listen stored exactly once.
 */
class ListenBrainzSyncIntegrationTests extends ScrobbleSyncTestBase {

    private static final String PATH = "/1/user/%s/listens";
    private static final int PAGE = 25;
    /** A day ago, so that a poll's look-back (1 h) reads nothing of the history by accident. */
    private static final long NEWEST = System.currentTimeMillis() / 1000 - 86_400;

    @Autowired
    ConnectionScheduler scheduler;

    @BeforeEach
    void routeTheFake() {
        listenBrainz.stub(fake);
    }

    /** {@code count} listens, newest first, one every 3 minutes before {@code newest}, each its own recording. */
    private static List<Listen> history(String user, int count, long newest) {
        return IntStream.range(0, count).mapToObj(i -> listen(user, i, newest - 180L * i)).toList();
    }

    private static Listen listen(String user, int i, long at) {
        return new Listen(at, String.format("00000000-0000-4000-8000-%012d", Math.abs((user + i).hashCode())),
                user + " Artist " + (i % 7), user + " Track " + i, user + " Album " + (i % 3));
    }

    private Api.User connected(List<Listen> history, String token) {
        Api.User user = api().newUser();
        listenBrainz.user(user.username(), token, history);
        var r = user.api().post("/api/v1/connections/listenbrainz", Map.of("user", user.username(), "token", token));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("connection").path("status").asString()).isEqualTo("active");
        return user;
    }

    /** The user's listens as the API lists them: "listened_at|title", newest first. */
    private static List<String> listens(Api.User user) {
        JsonNode page = user.api().get("/api/v1/listens?limit=1000").json();
        assertThat(page.path("next_cursor").isNull()).isTrue();
        List<String> out = new ArrayList<>();
        page.path("listens").forEach(l -> out.add(l.path("listened_at").asString() + "|"
                + l.path("track").path("title").asString()));
        return out;
    }

    /** What the API must list for these listens (the readable ones), newest first. */
    private static List<String> expected(List<Listen> history) {
        return history.stream().filter(l -> l.track() != null)
                .sorted(Comparator.comparingLong(Listen::listenedAt).reversed().thenComparing(Listen::track,
                        Comparator.reverseOrder()))
                .map(l -> Instants.format(l.listenedAt() * 1000) + "|" + l.track()).toList();
    }

    private static void assertEveryListenOnce(Api.User user, List<Listen> history) {
        assertThat(listens(user)).containsExactlyInAnyOrderElementsOf(expected(history));
    }

    private List<ServeEvent> listenRequests(Api.User user) {
        String path = PATH.formatted(user.username());
        return fake.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path + "?"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    }

    private static long maxTs(ServeEvent e) {
        return Long.parseLong(e.getRequest().queryParameter("max_ts").firstValue());
    }

    @Test
    void aThreePageBackfillStoresEveryListenOnceAsSyncListensThatTheUserSees() {
        List<Listen> history = history("lb1", 3 * PAGE - 5, NEWEST);
        Api.User user = connected(history, "lb1-token");

        JsonNode view = syncUntilMirroring(user, "listenbrainz", 10);

        assertEveryListenOnce(user, history);
        JsonNode first = user.api().get("/api/v1/listens?limit=1").json().path("listens").get(0);
        assertThat(first.path("channel").asString()).isEqualTo("sync");
        assertThat(first.path("track_length_ms").asLong()).isEqualTo(200_000);
        JsonNode backfill = view.path("backfill");
        assertThat(backfill.path("imported").asLong()).isEqualTo(history.size());
        // the boundary second of each page is read again and answered as a duplicate, never stored twice
        assertThat(backfill.path("rows").asLong())
                .isEqualTo(backfill.path("imported").asLong() + backfill.path("duplicates").asLong());
        assertThat(backfill.path("failed").asLong()).isZero();
        assertThat(view.path("status").asString()).isEqualTo("active");
        assertThat(view.path("last_error").isNull()).isTrue();
        // newest to oldest: each page asked strictly below the previous one, with the user's token, 25 at a time
        List<ServeEvent> pages = listenRequests(user);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < pages.size(); i++) {
            assertThat(maxTs(pages.get(i))).isLessThan(maxTs(pages.get(i - 1)));
        }
        assertThat(pages).allSatisfy(e -> {
            assertThat(e.getRequest().queryParameter("count").firstValue()).isEqualTo(Integer.toString(PAGE));
            assertThat(e.getRequest().queryParameter("min_ts").isPresent()).isFalse();
            assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Token lb1-token");
        });
        // each next page starts at the oldest second of the one before + 1: the boundary second is read again
        assertThat(maxTs(pages.get(1))).isEqualTo(history.get(PAGE - 1).listenedAt() + 1);
    }

    @Test
    void listensSharingOneSecondAcrossAPageBoundaryAreNeitherLostNorDoubled() {
        // 20 distinct seconds, then 10 plays in the same second (5 on page 1, 5 on page 2), then 15 older ones
        long shared = NEWEST - 180L * 20;
        List<Listen> history = new ArrayList<>(history("lb2", 20, NEWEST));
        IntStream.range(20, 30).forEach(i -> history.add(listen("lb2", i, shared)));
        IntStream.range(30, 45).forEach(i -> history.add(listen("lb2", i, shared - 180L * (i - 29))));
        Api.User user = connected(history, "lb2-token");

        JsonNode view = syncUntilMirroring(user, "listenbrainz", 10);

        assertEveryListenOnce(user, history);
        assertThat(view.path("backfill").path("imported").asLong()).isEqualTo(45);
        // page 2 asked for everything before shared + 1: the 5 plays of that second already read came again
        assertThat(maxTs(listenRequests(user).get(1))).isEqualTo(shared + 1);
    }

    @Test
    void aWholePageInOneSecondIsReadOnceMoreAndThenPagedPast() {
        // boundary: exactly a page (25) of plays in one second, then older ones
        long shared = NEWEST;
        List<Listen> history = new ArrayList<>();
        IntStream.range(0, PAGE).forEach(i -> history.add(listen("lb3", i, shared)));
        IntStream.range(PAGE, PAGE + 10).forEach(i -> history.add(listen("lb3", i, shared - 60L * (i - PAGE + 1))));
        Api.User user = connected(history, "lb3-token");

        syncUntilMirroring(user, "listenbrainz", 10);

        assertEveryListenOnce(user, history);
        // the second page comes back the same (all before shared + 1); the next asks before `shared` itself
        assertThat(listenRequests(user).stream().map(ListenBrainzSyncIntegrationTests::maxTs))
                .contains(shared + 1, shared);
    }

    @Test
    void aBackfillResumedAfterACrashAndA5xxStoresNothingTwice() {
        List<Listen> history = history("lb4", 3 * PAGE - 5, NEWEST);
        Api.User user = connected(history, "lb4-token");
        syncNow(user, "listenbrainz");
        String afterPageOne = storedProgress(user);
        syncNow(user, "listenbrainz");
        assertThat(listens(user)).hasSize(2 * PAGE - 1);
        // a crash after page 2 was committed but before its progress was stored: the stored progress is page 1's
        database.writeVoid(() -> database.dsl().update(INTEGRATION_CONNECTIONS)
                .set(INTEGRATION_CONNECTIONS.BACKFILL, afterPageOne)
                .where(INTEGRATION_CONNECTIONS.USER_ID.eq(user.id())).execute());
        // and ListenBrainz fails the resumed page with 503 (all 3 attempts)
        StubMapping down = fake.stubFor(get(urlPathEqualTo(PATH.formatted(user.username()))).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":503,\"error\":\"The server is temporarily unavailable.\"}")));

        JsonNode failed = syncNow(user, "listenbrainz");

        assertThat(failed.path("status").asString()).isEqualTo("error");
        assertThat(failed.path("last_error").asString()).contains("listenbrainz", "503");
        assertThat(failed.path("next_sync_at").isNull()).isFalse();
        assertThat(storedProgress(user)).isEqualTo(afterPageOne); // nothing half-written
        assertThat(listens(user)).hasSize(2 * PAGE - 1);

        fake.removeStub(down);
        JsonNode view = syncUntilMirroring(user, "listenbrainz", 10);

        assertEveryListenOnce(user, history);
        assertThat(view.path("last_error").isNull()).isTrue();
        // the figures of the lost step went with it: its 24 new listens came again as duplicates of page 2
        assertThat(view.path("backfill").path("imported").asLong()).isEqualTo(history.size() - (PAGE - 1));
        assertThat(view.path("backfill").path("duplicates").asLong()).isGreaterThanOrEqualTo(PAGE);
    }

    @Test
    void aRevokedTokenMidSyncNeedsReauthorizationKeepsWhatIsStoredAndTouchesNothingElse() {
        List<Listen> history = history("lb5", 3 * PAGE - 5, NEWEST);
        Api.User user = connected(history, "lb5-token");
        List<Listen> othersHistory = history("lb5o", 10, NEWEST);
        Api.User other = connected(othersHistory, "lb5o-token");
        syncNow(user, "listenbrainz");
        String progress = storedProgress(user);
        List<String> stored = listens(user);
        assertThat(stored).hasSize(PAGE);
        listenBrainz.revoke("lb5-token"); // the user reset their token at ListenBrainz

        JsonNode revoked = syncNow(user, "listenbrainz");

        assertThat(revoked.path("status").asString()).isEqualTo("needs_reauth");
        assertThat(revoked.path("last_error").asString()).contains("401");
        assertThat(revoked.path("next_sync_at").isNull()).isTrue(); // not retried until connected again
        assertThat(listens(user)).isEqualTo(stored);
        assertThat(storedProgress(user)).isEqualTo(progress);
        assertThat(user.api().post("/api/v1/connections/listenbrainz/sync", null).status()).isEqualTo(409);
        // another user's connection to the same service goes on
        assertThat(syncUntilMirroring(other, "listenbrainz", 5).path("status").asString()).isEqualTo("active");
        assertEveryListenOnce(other, othersHistory);
        // the Tonearm login is not affected
        assertThat(user.api().get("/api/v1/connections").status()).isEqualTo(200);

        // connected again with the new token: the backfill continues where it stopped
        listenBrainz.addToken("lb5-new-token", user.username());
        var again = user.api().post("/api/v1/connections/listenbrainz",
                Map.of("user", user.username(), "token", "lb5-new-token"));
        assertThat(again.json().path("connection").path("status").asString()).isEqualTo("active");
        syncUntilMirroring(user, "listenbrainz", 10);

        assertEveryListenOnce(user, history);
        long firstMaxTs = maxTs(listenRequests(user).get(0));
        assertThat(listenRequests(user).stream().filter(e -> maxTs(e) == firstMaxTs)).hasSize(1);
    }

    @Test
    void a429WithinTheBoundIsWaitedOutPerXRateLimitResetInAndTheStepGoesOn() {
        List<Listen> history = history("lb6", 2 * PAGE, NEWEST);
        Api.User user = connected(history, "lb6-token");
        syncNow(user, "listenbrainz");
        listenBrainz.refuseNext(1, 1); // 429, X-RateLimit-Reset-In: 1

        long started = System.nanoTime();
        JsonNode view = syncNow(user, "listenbrainz");

        assertThat(view.path("status").asString()).isEqualTo("active");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        List<FakeListenBrainz.Answer> answers = listenBrainz.answers().stream()
                .filter(a -> a.url().startsWith(PATH.formatted(user.username()) + "?")).toList();
        assertThat(answers).extracting(FakeListenBrainz.Answer::status).startsWith(200, 429, 200);
        // the retry came only after the second X-RateLimit-Reset-In named (timed by the fake, not WireMock's log)
        assertThat(Duration.ofNanos(answers.get(2).nanos() - answers.get(1).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        syncUntilMirroring(user, "listenbrainz", 10);
        assertEveryListenOnce(user, history);
    }

    @Test
    void a429BeyondTheBoundEndsTheStepAndTheSchedulerComesBackWhenXRateLimitResetInSays() {
        List<Listen> history = history("lb7", 2 * PAGE, NEWEST);
        Api.User user = connected(history, "lb7-token");
        syncNow(user, "listenbrainz");
        listenBrainz.refuseNext(1, 4); // longer than max-retry-after (3 s in these tests): not waited out in the step

        JsonNode limited = syncNow(user, "listenbrainz");

        assertThat(limited.path("status").asString()).isEqualTo("error");
        assertThat(limited.path("last_error").asString()).contains("rate limiting", "4 s");
        Instant failedAt = Instant.parse(limited.path("last_error_at").asString());
        Instant next = Instant.parse(limited.path("next_sync_at").asString());
        assertThat(Duration.between(failedAt, next)).isBetween(Duration.ofMillis(3900), Duration.ofMillis(4100));
        assertThat(listens(user)).hasSize(PAGE);

        // the scheduler runs it again once due, not before
        long asked = listenRequests(user).size();
        await(Duration.ofSeconds(20), () -> {
            scheduler.tick();
            return "mirror".equals(connection(user, "listenbrainz").path("backfill").path("phase").asString(""));
        });
        List<ServeEvent> pages = listenRequests(user);
        assertThat(Duration.between(failedAt, pages.get((int) asked).getRequest().getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(3900));
        assertEveryListenOnce(user, history);
        assertThat(connection(user, "listenbrainz").path("last_error").isNull()).isTrue();
    }

    @Test
    void aSpentRateLimitWindowPausesTheNextCallInsteadOfSpendingItOnA429() {
        List<Listen> history = history("lb8", 3 * PAGE - 5, NEWEST);
        Api.User user = connected(history, "lb8-token");
        listenBrainz.rateLimit(2, 1000); // 2 requests per second, X-RateLimit-Remaining 0 on the second

        syncUntilMirroring(user, "listenbrainz", 10);

        assertEveryListenOnce(user, history);
        List<ServeEvent> pages = listenRequests(user);
        assertThat(pages).hasSizeGreaterThan(2).allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(200));
    }

    @Test
    void malformedAnswersLeaveAClearErrorAndNothingHalfWritten() {
        List<Listen> history = history("lb9", 2 * PAGE, NEWEST);
        Api.User user = connected(history, "lb9-token");
        syncNow(user, "listenbrainz");
        String progress = storedProgress(user);
        String path = PATH.formatted(user.username());
        StubMapping cut = fake.stubFor(get(urlPathEqualTo(path)).atPriority(1)
                .willReturn(okJson("{\"payload\":{\"count\":25,\"listens\":[{\"listened_at\":17")));

        JsonNode truncated = syncNow(user, "listenbrainz");

        assertThat(truncated.path("status").asString()).isEqualTo("error");
        assertThat(truncated.path("last_error").asString()).contains("listenbrainz", "cannot read");
        assertThat(storedProgress(user)).isEqualTo(progress);
        assertThat(listens(user)).hasSize(PAGE);

        fake.removeStub(cut);
        StubMapping noListens = fake.stubFor(get(urlPathEqualTo(path)).atPriority(1)
                .willReturn(okJson("{\"payload\":{\"count\":0,\"user_id\":\"" + user.username() + "\"}}")));
        JsonNode shapeless = syncNow(user, "listenbrainz");
        assertThat(shapeless.path("status").asString()).isEqualTo("error");
        assertThat(shapeless.path("last_error").asString()).contains("without payload.listens");
        assertThat(storedProgress(user)).isEqualTo(progress);

        fake.removeStub(noListens);
        JsonNode view = syncUntilMirroring(user, "listenbrainz", 10);
        assertThat(view.path("last_error").isNull()).isTrue();
        assertEveryListenOnce(user, history);
    }

    @Test
    void aPageOfOnlyUnreadableListensIsCountedAsFailedAndPagedPast() {
        // 50 listens Tonearm cannot store (no track name) in the middle: page 3 holds only such items (page 2 begins
        // with the boundary listen of page 1 again); the history goes on behind them
        List<Listen> history = new ArrayList<>(history("lb10", 4 * PAGE, NEWEST));
        for (int i = PAGE; i < 3 * PAGE; i++) {
            Listen l = history.get(i);
            history.set(i, new Listen(l.listenedAt(), l.msid(), l.artist(), null, l.release()));
        }
        Api.User user = connected(history, "lb10-token");

        JsonNode view = syncUntilMirroring(user, "listenbrainz", 10);

        assertEveryListenOnce(user, history);
        assertThat(listens(user)).hasSize(2 * PAGE);
        assertThat(view.path("backfill").path("failed").asLong()).isGreaterThanOrEqualTo(2 * PAGE);
    }

    @Test
    void theSteadyStatePollPicksUpNewAndLateListensWithinTheLookBackAndDoublesNothing() {
        List<Listen> history = history("lb11", PAGE + 5, NEWEST);
        Api.User user = connected(history, "lb11-token");
        syncUntilMirroring(user, "listenbrainz", 10);
        long now = System.currentTimeMillis() / 1000;
        Listen fresh = listen("lb11", 100, now - 60);
        Listen late = listen("lb11", 101, NEWEST - 1800); // scrobbled late by an offline player: half an hour back
        Listen tooLate = listen("lb11", 102, NEWEST - 7200); // beyond the look-back (1 h): not read again
        listenBrainz.add(user.username(), fresh);
        listenBrainz.add(user.username(), late);
        listenBrainz.add(user.username(), tooLate);
        int asked = listenRequests(user).size();

        JsonNode view = syncNow(user, "listenbrainz");

        List<Listen> seen = new ArrayList<>(history);
        seen.add(fresh);
        seen.add(late);
        assertEveryListenOnce(user, seen);
        assertThat(view.path("status").asString()).isEqualTo("active");
        // the next poll in 5 minutes (tonearm.integrations.pull.interval)
        assertThat(Duration.between(Instant.parse(view.path("last_sync_at").asString()),
                Instant.parse(view.path("next_sync_at").asString()))).isEqualTo(Duration.ofMinutes(5));
        // the poll reads from now down, with max_ts only (ListenBrainz refuses min_ts with it)
        ServeEvent poll = listenRequests(user).get(asked);
        assertThat(maxTs(poll)).isBetween(now, now + 5);
        assertThat(poll.getRequest().queryParameter("min_ts").isPresent()).isFalse();

        JsonNode again = syncNow(user, "listenbrainz");
        assertEveryListenOnce(user, seen);
        assertThat(again.path("backfill").path("imported").asLong()).isEqualTo(history.size() + 2);
    }

    private String storedProgress(Api.User user) {
        return database.dsl().select(INTEGRATION_CONNECTIONS.BACKFILL).from(INTEGRATION_CONNECTIONS)
                .where(INTEGRATION_CONNECTIONS.USER_ID.eq(user.id())).fetchOne(INTEGRATION_CONNECTIONS.BACKFILL);
    }
}
