package org.tonearm.integrations.internal.lastfm;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.integrations.internal.scrobbling.ScrobbleFakes.fixture;
import static org.tonearm.integrations.internal.scrobbling.ScrobbleFakes.lastFmPage;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.integrations.internal.scrobbling.ScrobbleFakes.Play;
import org.tonearm.integrations.internal.scrobbling.ScrobbleSyncTestBase;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;

/**
 * Pulling a Last.fm history through {@code /api/v1/connections/lastfm} against a fake Last.fm (docs/api.md
 * #connections-lastfm-and-listenbrainz): the whole history page by page, the now-playing entry left out, duplicates
 * across pages not doubled, resumed at the stored page, then new plays; and the faults of issue 13 item 7.
 */
class LastFmSyncIntegrationTests extends ScrobbleSyncTestBase {

    private static final long NEWEST = System.currentTimeMillis() / 1000 - 86_400;

    /** 450 rows on 3 pages; page 2 starts with the last 10 plays of page 1 again (its pages shifted meanwhile). */
    private List<List<Play>> history(String user) {
        List<Play> all = plays(user, 440, NEWEST);
        List<Play> page2 = new ArrayList<>(all.subList(190, 200));
        page2.addAll(all.subList(200, 390));
        return List.of(all.subList(0, 200), page2, all.subList(390, 440));
    }

    private static MappingBuilder backfillPage(String user, int page) {
        return get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getrecenttracks"))
                .withQueryParam("user", equalTo(user)).withQueryParam("page", equalTo(Integer.toString(page)))
                .withQueryParam("to", matching("\\d+")).withQueryParam("from", absent());
    }

    private void stubHistory(String user, List<List<Play>> pages) {
        fake.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("user", equalTo(user))
                .withQueryParam("to", absent()).withQueryParam("from", absent())
                .willReturn(okJson(lastFmPage(user, pages.get(0), 1, pages.size(), 450, true))));
        for (int p = 0; p < pages.size(); p++) {
            fake.stubFor(backfillPage(user, p + 1)
                    .willReturn(okJson(lastFmPage(user, pages.get(p), p + 1, pages.size(), 450, p == 0))));
        }
    }

    private Api.User connected(List<List<Play>> pages) {
        Api.User user = api().newUser();
        stubHistory(user.username(), pages);
        var r = user.api().post("/api/v1/connections/lastfm", Map.of("user", user.username()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return user;
    }

    @Test
    void importsTheWholeHistoryWithoutTheNowPlayingEntryAndWithoutDoublingPagesThatOverlap() {
        Api.User user = connected(history("lf1"));

        JsonNode view = syncUntilMirroring(user, "lastfm", 5);

        assertThat(listenCount(user)).isEqualTo(440);
        JsonNode backfill = view.path("backfill");
        assertThat(backfill.path("rows").asLong()).isEqualTo(450);
        assertThat(backfill.path("imported").asLong()).isEqualTo(440);
        assertThat(backfill.path("duplicates").asLong()).isEqualTo(10);
        assertThat(backfill.path("total").asLong()).isEqualTo(450);
        assertThat(backfill.path("rows_per_second").isNumber()).isTrue();
        assertThat(view.path("status").asString()).isEqualTo("active");
        assertThat(view.path("external_user").asString()).isEqualTo(user.username());
        // every page was asked with the same `to`, fixed at the job's start
        var tos = fake.findAll(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("to", matching("\\d+")))
                .stream().map(r -> r.queryParameter("to").firstValue()).distinct().toList();
        assertThat(tos).hasSize(1);
    }

    @Test
    void resumesAtTheStoredPageAndThenOnlyAddsNewPlays() {
        List<List<Play>> pages = history("lf2");
        Api.User user = connected(pages);

        JsonNode afterOne = syncNow(user, "lastfm");
        assertThat(afterOne.path("backfill").path("page").asInt()).isEqualTo(2);
        // a restart keeps nothing in memory: the next step starts from the stored progress, page 2
        syncUntilMirroring(user, "lastfm", 5);
        fake.verify(1, getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("page", equalTo("1"))
                .withQueryParam("to", matching("\\d+")));

        // new plays: the mirror poll reads from the newest play seen (less the look-back)
        long until = connection(user, "lastfm").path("backfill").path("until").asLong();
        long now = System.currentTimeMillis() / 1000;
        List<Play> fresh = List.of(new Play(now - 60, "lf2 New Artist", "New One"),
                new Play(now - 120, "lf2 New Artist", "New Two"));
        List<Play> polled = new ArrayList<>(fresh);
        polled.addAll(pages.get(0).subList(0, 5)); // the look-back reads a few known plays again
        fake.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("from", matching("\\d+"))
                .willReturn(okJson(lastFmPage(user.username(), polled, 1, 1, polled.size(), true))));

        JsonNode view = syncNow(user, "lastfm");

        assertThat(listenCount(user)).isEqualTo(442);
        assertThat(view.path("backfill").path("imported").asLong()).isEqualTo(442);
        assertThat(view.path("backfill").path("duplicates").asLong()).isEqualTo(10); // look-back re-reads not counted
        fake.verify(getRequestedFor(urlPathEqualTo("/2.0/"))
                .withQueryParam("from", equalTo(Long.toString(until - 3600))));
    }

    @Test
    void a5xxBurstOpensTheBreakerTheUserSeesItAndTheSyncRecoversWithinAMinuteWithNothingLost() {
        List<List<Play>> pages = history("lf3");
        Api.User user = connected(pages);
        syncNow(user, "lastfm");
        fake.stubFor(backfillPage(user.username(), 2).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody(fixture("lastfm/error-8-operation-failed.json")))
                .atPriority(1));

        JsonNode failed = syncNow(user, "lastfm"); // 3 attempts
        assertThat(failed.path("status").asString()).isEqualTo("error");
        assertThat(failed.path("last_error").asString()).contains("Last.fm error 8");
        JsonNode open = syncNow(user, "lastfm"); // 2 more failures open the breaker
        assertThat(open.path("status").asString()).isEqualTo("error");
        assertThat(breaker()).isEqualTo("OPEN");

        fake.resetMappings(); // the fake recovers
        stubHistory(user.username(), pages);
        long recovering = System.nanoTime();
        await(Duration.ofSeconds(60), () -> "active".equals(syncNow(user, "lastfm").path("status").asString("")));
        assertThat(Duration.ofNanos(System.nanoTime() - recovering)).isLessThan(Duration.ofMinutes(1));
        assertThat(breaker()).isEqualTo("CLOSED");

        syncUntilMirroring(user, "lastfm", 5);
        assertThat(listenCount(user)).isEqualTo(440);
    }

    @Test
    void rateLimitsMalformedJsonAndTimeoutsLoseNothingAndDoubleNothing() {
        List<List<Play>> pages = history("lf4");
        Api.User user = connected(pages);
        // page 1: a 429 whose Retry-After is waited out (error 29 body), then the page
        fake.stubFor(backfillPage(user.username(), 1).inScenario("limit").whenScenarioStateIs("Started")
                .willReturn(error(429, "lastfm/error-29-rate-limit.json").withHeader("Retry-After", "1"))
                .willSetStateTo("ok").atPriority(1));
        // page 2: error 29 inside a 200 (Last.fm does that too), then malformed JSON, then the page
        fake.stubFor(backfillPage(user.username(), 2).inScenario("p2").whenScenarioStateIs("Started")
                .willReturn(okJson(fixture("lastfm/error-29-rate-limit.json"))).willSetStateTo("broken").atPriority(1));
        fake.stubFor(backfillPage(user.username(), 2).inScenario("p2").whenScenarioStateIs("broken")
                .willReturn(okJson("{\"recenttracks\":{\"track\":[{\"name\":\"cut")).willSetStateTo("ok").atPriority(1));
        // page 3: slower than the read timeout (1 s) for all 3 attempts, then answered
        fake.stubFor(backfillPage(user.username(), 3).inScenario("p3").whenScenarioStateIs("Started")
                .willReturn(okJson(lastFmPage(user.username(), pages.get(2), 3, 3, 450, false)).withFixedDelay(1500))
                .atPriority(1));

        long started = System.nanoTime();
        JsonNode first = syncNow(user, "lastfm");
        assertThat(first.path("status").asString()).isEqualTo("active");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        JsonNode limited = syncNow(user, "lastfm");
        assertThat(limited.path("status").asString()).isEqualTo("error");
        assertThat(limited.path("last_error").asString()).contains("Last.fm error 29");
        JsonNode malformed = syncNow(user, "lastfm");
        assertThat(malformed.path("status").asString()).isEqualTo("error");
        syncNow(user, "lastfm"); // page 2
        JsonNode timedOut = syncNow(user, "lastfm");
        assertThat(timedOut.path("status").asString()).isEqualTo("error");
        assertThat(timedOut.path("last_error").asString()).contains("did not answer in time");
        fake.resetMappings();
        stubHistory(user.username(), pages);
        await(Duration.ofSeconds(60), () -> "mirror".equals(syncNow(user, "lastfm").path("backfill").path("phase")
                .asString("")));

        assertThat(listenCount(user)).isEqualTo(440);
    }

    @Test
    void anUnknownUserIsRefusedWhenConnecting() {
        Api.User user = api().newUser();
        fake.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("user", equalTo("nobody-here"))
                .willReturn(error(404, "lastfm/error-6-user-not-found.json")));

        var r = user.api().post("/api/v1/connections/lastfm", Map.of("user", "nobody-here"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Last.fm has no user nobody-here");
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    private String breaker() {
        return api().get("/health/external").json().toString().contains("\"lastfm\"")
                ? http.circuitBreaker(org.tonearm.integrations.ExternalService.LASTFM).getState().name() : "?";
    }
}
