package org.tonearm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tonearm.testsupport.Api;
import org.tonearm.web.internal.live.LiveUpdates;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard (issue #12 items 3 and 9) in a real browser: its numbers against the stats API for the same user,
 * the range picker (htmx, URL, back button, plain GET), and a scrobble through the ListenBrainz API appearing live;
 * the page in the dark theme too ({@link BrowserSession#checkDark}).
 */
class DashboardBrowserTests {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.start(Map.of()).onBothDatabases();

    static String token;
    static long userId;

    @BeforeAll
    static void history() {
        browser.createUser("dana");
        Api api = browser.app().api();
        String access = api.post("/api/v1/auth/login", Map.of("username", "dana", "password", BrowserSession.password("dana")))
                .json().path("access_token").asString();
        userId = api.bearer(access).get("/api/v1/me").json().path("id").asLong();
        token = api.bearer(access).post("/api/v1/me/tokens", Map.of("name", "browser test")).json().path("token").asString();
        // 60 days of plays: Radiohead more often lately, Air steady, one play a day of Bowie
        List<Map<String, Object>> listens = new ArrayList<>();
        long now = Instant.now().getEpochSecond();
        for (int day = 0; day < 60; day++) {
            long t = now - day * 86_400L - 3_600;
            listens.add(listen(t, "Air", "Playground Love", "The Virgin Suicides"));
            listens.add(listen(t - 600, "David Bowie", "Heroes", "Heroes"));
            if (day < 20) {
                listens.add(listen(t - 1_200, "Radiohead", "Reckoner", "In Rainbows"));
                listens.add(listen(t - 1_800, "Radiohead", "Nude", "In Rainbows"));
            } else if (day >= 35 && day < 45) {
                listens.add(listen(t - 1_200, "Radiohead", "Reckoner", "In Rainbows"));
            }
        }
        Api.Response r = lb().send("POST", "/1/submit-listens",
                Api.JSON.writeValueAsString(Map.of("listen_type", "import", "payload", listens)), "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static Api lb() {
        return browser.app().api().auth("Token " + token);
    }

    private static Map<String, Object> listen(long at, String artist, String track, String album) {
        return Map.of("listened_at", at, "track_metadata", Map.of("artist_name", artist, "track_name", track,
                "release_name", album, "additional_info", Map.of("duration_ms", 240_000)));
    }

    private static JsonNode stats(String path) {
        return browser.app().api().auth("Token " + token).get("/api/v1/stats/" + path).json();
    }

    private static long sum(JsonNode items) {
        long s = 0;
        for (JsonNode i : items) {
            s += i.path("plays").asLong();
        }
        return s;
    }

    @Test
    void showsTheRangeAsTheStatsApiComputesIt() {
        browser.loginAs("dana").open("/?range=30d");
        assertThat(browser.find(".range-title").getText()).isEqualTo("Last 30 days");
        JsonNode overview = stats("overview?range=30d").path("items").get(0);
        assertThat(card("overview.plays")).isEqualTo(String.format("%,d", overview.path("plays").asLong()));
        assertThat(card("overview.artists")).isEqualTo(Long.toString(overview.path("unique_artists").asLong()));
        assertThat(card("overview.tracks")).isEqualTo(Long.toString(overview.path("unique_tracks").asLong()));
        long change = Math.round(overview.path("change").path("plays").path("percent").asDouble());
        assertThat(browser.find("[data-figure='overview.plays'] .stat-change").getText()).startsWith("+" + change + " %");

        for (String kind : List.of("artists", "albums", "tracks")) {
            JsonNode api = stats("top/" + kind + "?range=30d&limit=5").path("items");
            List<WebElement> links = browser.findAll("[data-top=" + kind + "] .top-list a");
            assertThat(links).hasSize(api.size());
            String field = kind.equals("artists") ? "name" : "title";
            String entity = kind.substring(0, kind.length() - 1);
            for (int i = 0; i < api.size(); i++) {
                assertThat(links.get(i).getText()).isEqualTo(api.get(i).path(entity).path(field).asString());
                assertThat(links.get(i).getAttribute("href"))
                        .endsWith("/" + entity + "/" + api.get(i).path(entity).path("id").asLong());
            }
        }
        assertThat(browser.find("[data-top=artists] .top-list a").getText()).isEqualTo("Radiohead");

        JsonNode timeline = stats("timeline?range=30d&step=day").path("items");
        WebElement chart = browser.find("#timeline-chart");
        assertThat(chart.getAttribute("data-ys").split(",")).hasSize(timeline.size());
        assertThat(browser.script("return JSON.parse(arguments[0].dataset.ys).reduce((a, b) => a + b, 0)", chart))
                .isEqualTo(sum(timeline));
        browser.waitFor(d -> !browser.findAll("#timeline-chart canvas").isEmpty());

        long heat = browser.findAll("rect.heat").stream().mapToLong(e -> Long.parseLong(e.getAttribute("data-plays"))).sum();
        assertThat(browser.findAll("rect.heat")).hasSize(168);
        assertThat(heat).isEqualTo(sum(stats("heatmap?range=30d").path("items")));
        long clock = browser.findAll("path.clock-wedge").stream()
                .mapToLong(e -> Long.parseLong(e.getAttribute("data-plays"))).sum();
        assertThat(clock).isEqualTo(sum(stats("clock?range=30d").path("items")));

        JsonNode streaks = stats("streaks?range=30d").path("items").get(0);
        assertThat(browser.find(".streak-days").getText())
                .isEqualTo(streaks.path("current").path("days").asLong() + " days");
        // Radiohead: 40 plays in the last 30 days against 10 in the 30 before
        JsonNode riser = stats("insights?range=30d").path("items").get(0).path("risers").get(0);
        assertThat(browser.findAll(".insights li")).extracting(WebElement::getText)
                .contains("You played " + Math.round(riser.path("percent").asDouble()) + " % more "
                        + riser.path("artist").path("name").asString() + " than the 30 days before.");
        browser.checkPage();
        browser.colorScheme("dark").open("/?range=30d");
        browser.screenshot("dashboard-dark");
        browser.waitFor(d -> !browser.findAll("#timeline-chart canvas").isEmpty());
        browser.script("document.getElementById('timeline-chart').scrollIntoView()");
        browser.screenshot("dashboard-dark-charts");
        browser.colorScheme("light").open("/?range=30d");
        browser.waitFor(d -> !browser.findAll("#timeline-chart canvas").isEmpty());
        browser.script("document.querySelector('.heatmap').scrollIntoView()");
        browser.screenshot("dashboard-light-charts");
        browser.checkDark("dashboard", "/?range=7d");
    }

    /**
     * The genres, countries and eras card (issue #13 item 5) shows what the stats API answers for the range, once
     * the catalog holds MusicBrainz data (written here through the catalog's façade, as the worker would).
     */
    @Test
    void theGenresCountriesAndErasCardShowsTheApisNumbers() {
        org.tonearm.catalog.CatalogEnrichment enrichment =
                browser.app().context().getBean(org.tonearm.catalog.CatalogEnrichment.class);
        Map<String, Long> artists = new java.util.HashMap<>();
        stats("top/artists?range=all_time").path("items")
                .forEach(i -> artists.put(i.path("artist").path("name").asString(), i.path("artist").path("id").asLong()));
        Map<String, Long> tracks = new java.util.HashMap<>();
        stats("top/tracks?range=all_time").path("items")
                .forEach(i -> tracks.put(i.path("track").path("title").asString(), i.path("track").path("id").asLong()));
        browser.waitFor(d -> {
            enrichment.due(Instant.now(), 1); // notes the new entries, as the (disabled) worker's first step
            return tracks.values().stream().allMatch(t ->
                    enrichment.state(org.tonearm.catalog.CatalogKind.TRACK, t).isPresent())
                    && artists.values().stream().allMatch(a ->
                    enrichment.state(org.tonearm.catalog.CatalogKind.ARTIST, a).isPresent());
        });
        Instant now = Instant.now();
        enrichment.artistFound(artists.get("Radiohead"), null, "GB", Map.of("alternative rock", 9, "art rock", 4), now);
        enrichment.artistFound(artists.get("Air"), null, "FR", Map.of("electronic", 5, "french pop", 2), now);
        enrichment.artistFound(artists.get("David Bowie"), null, "GB", Map.of("art rock", 7, "glam rock", 6), now);
        enrichment.trackFound(tracks.get("Reckoner"), null, 2007, now);
        enrichment.trackFound(tracks.get("Nude"), null, 2007, now);
        enrichment.trackFound(tracks.get("Playground Love"), null, 2000, now);
        // Heroes stays without a year: its plays are the eras' unknown ones

        browser.loginAs("dana").open("/?range=30d");
        browser.waitFor(d -> !browser.findAll("#enrichment.loaded").isEmpty());
        for (String view : List.of("top/genres", "artist-map", "eras")) {
            JsonNode api = stats(view + "?range=30d");
            String block = "[data-view='" + view.replace("top/", "") + "']";
            List<WebElement> bars = browser.findAll(block + " .bars li");
            String key = view.equals("top/genres") ? "genre" : view.equals("artist-map") ? "country" : "decade";
            assertThat(bars).as(view).hasSize(Math.min(api.path("items").size(), 8)).isNotEmpty();
            for (int i = 0; i < bars.size(); i++) {
                assertThat(bars.get(i).getAttribute("data-key")).isEqualTo(api.path("items").get(i).path(key).asString());
                assertThat(Long.parseLong(bars.get(i).getAttribute("data-plays")))
                        .isEqualTo(api.path("items").get(i).path("plays").asLong());
            }
            long unknown = api.path("unknown").path("plays").asLong();
            List<WebElement> note = browser.findAll(block + " .unknown");
            assertThat(note.isEmpty() ? 0L : Long.parseLong(note.get(0).getAttribute("data-unknown"))).as(view)
                    .isEqualTo(unknown);
        }
        assertThat(browser.find("[data-view='artist-map'] .bar-label").getText()).isEqualTo("United Kingdom");
        assertThat(browser.find("[data-view='eras'] .unknown").getText()).endsWith("not placed yet (no MusicBrainz data)");
        // a range swap loads the card again for the new range
        new Select(browser.find("#range-select")).selectByValue("7d"); // a named range submits at once (htmx)
        // read in the page, not through element references, which the swaps make stale. The card's blocks, not its
        // class: while htmx settles a swap it gives the new placeholder (same id) the old card's attributes for a
        // moment, "loaded" included, with nothing in it yet (seen once: 0 genre plays read against the API's 56)
        browser.waitFor(d -> Boolean.TRUE.equals(browser.script("return document.querySelector('.range-title')"
                + ".textContent.trim() === 'Last 7 days'"
                + " && !!document.querySelector('#enrichment.loaded .enrichment-block')")));
        long genrePlays = browser.findAll("[data-view='genres'] .bars li").stream()
                .mapToLong(e -> Long.parseLong(e.getAttribute("data-plays"))).sum();
        assertThat(genrePlays).isEqualTo(sum(stats("top/genres?range=7d").path("items")));
        browser.checkPage();
    }

    private static String card(String key) {
        return browser.find("[data-figure='" + key + "'] .stat-value").getText();
    }

    @Test
    void insightsAreSentencesInTheUsersLanguage() {
        browser.loginAs("dana").open("/?range=30d&lang=fr");
        assertThat(browser.findAll(".insights li")).extracting(WebElement::getText)
                .contains("Vous avez écouté Radiohead 300 % de plus que les 30 jours précédents.");
        browser.open("/?range=30d&lang=es");
        assertThat(browser.findAll(".insights li")).extracting(WebElement::getText)
                .contains("Escuchaste un 300 % más de Radiohead que los 30 días anteriores.");
        browser.checkPage();
        browser.open("/?range=30d&lang=en");
    }

    @Test
    void theRangePickerSwapsTheViewsKeepsTheUrlAndTheBackButtonWorks() {
        browser.loginAs("dana").open("/");
        assertThat(browser.find(".range-title").getText()).isEqualTo("This month");
        browser.script("window.notReloaded = true");
        new Select(browser.find("#range-select")).selectByValue("all_time");
        browser.waitFor(d -> browser.find(".range-title").getText().equals("All time"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/?range=all_time");
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
        JsonNode all = stats("overview").path("items").get(0);
        assertThat(card("overview.plays")).isEqualTo(String.format("%,d", all.path("plays").asLong()));
        assertThat(browser.findAll("[data-figure='overview.plays'] .stat-change")).extracting(WebElement::getText)
                .containsExactly("No previous data");

        new Select(browser.find("#range-select")).selectByValue("custom");
        String from = java.time.LocalDate.now().minusDays(9).toString();
        String to = java.time.LocalDate.now().minusDays(5).toString();
        browser.script("document.getElementById('range-from').value = arguments[0];"
                + "document.getElementById('range-to').value = arguments[1];", from, to);
        browser.find("#range-picker button[type=submit]").click();
        browser.waitFor(d -> browser.driver().getCurrentUrl().contains("range=custom"));
        assertThat(browser.driver().getCurrentUrl()).contains("from=" + from).contains("to=" + to);
        JsonNode custom = stats("overview?from=" + from + "&to=" + to).path("items").get(0);
        browser.waitFor(d -> card("overview.plays").equals(String.format("%,d", custom.path("plays").asLong())));

        browser.driver().navigate().back();
        browser.waitFor(d -> browser.find(".range-title").getText().equals("All time"));
        browser.driver().navigate().back();
        browser.waitFor(d -> browser.find(".range-title").getText().equals("This month"));
        browser.checkPage();
    }

    @Test
    void aPlainGetShowsEveryKindOfRange() {
        browser.loginAs("dana");
        browser.open("/?range=year&year=2024");
        assertThat(browser.find(".range-title").getText()).isEqualTo("Year 2024");
        browser.open("/?year=2024");
        assertThat(browser.find(".range-title").getText()).isEqualTo("Year 2024");
        String month = java.time.YearMonth.now().toString();
        browser.open("/?range=month&month=" + month);
        assertThat(card("overview.plays")).isEqualTo(String.format("%,d",
                stats("overview?month=" + month).path("items").get(0).path("plays").asLong()));
        for (String named : List.of("today", "yesterday", "this_week", "last_week", "last_month", "this_year",
                "last_year", "7d", "90d", "180d", "365d")) {
            browser.open("/?range=" + named);
            assertThat(card("overview.plays")).as(named).isEqualTo(String.format("%,d",
                    stats("overview?range=" + named).path("items").get(0).path("plays").asLong()));
        }
        // a contradictory custom range: the API's message, and the default range
        browser.open("/?range=custom&from=2024-05-01&to=2024-04-01");
        assertThat(browser.find(".alert-error").getText()).startsWith("This range cannot be shown");
        assertThat(browser.find(".range-title").getText()).isEqualTo("This month");
    }

    @Test
    void aScrobbleAppearsLiveWithoutReload() {
        browser.loginAs("dana").open("/");
        browser.script("window.notReloaded = true");
        browser.waitFor(d -> browser.app().context().getBean(LiveUpdates.class).openStreams(userId) > 0);

        String track = "Live " + System.nanoTime();
        long sent = System.nanoTime();
        Api.Response np = lb().send("POST", "/1/submit-listens", "{\"listen_type\":\"playing_now\",\"payload\":[{"
                + "\"track_metadata\":{\"artist_name\":\"Portishead\",\"track_name\":\"" + track + "\"}}]}", "application/json");
        assertThat(np.status()).as(np.body()).isEqualTo(200);
        browser.waitFor(d -> browser.find("#now-playing").getText().contains(track));
        Duration nowPlaying = Duration.ofNanos(System.nanoTime() - sent);

        sent = System.nanoTime();
        Api.Response single = lb().send("POST", "/1/submit-listens", "{\"listen_type\":\"single\",\"payload\":[{"
                + "\"listened_at\":" + Instant.now().getEpochSecond() + ",\"track_metadata\":{\"artist_name\":"
                + "\"Portishead\",\"track_name\":\"" + track + "\"}}]}", "application/json");
        assertThat(single.status()).as(single.body()).isEqualTo(200);
        browser.waitFor(d -> browser.find("#recent li").getText().contains(track));
        Duration listen = Duration.ofNanos(System.nanoTime() - sent);
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
        // the issue asks for 1 s; the wait polls every 500 ms, so allow its granularity on a shared machine
        assertThat(nowPlaying).isLessThan(Duration.ofMillis(1_600));
        assertThat(listen).isLessThan(Duration.ofMillis(1_600));
        browser.screenshot("dashboard-live");
    }

    @Test
    void theOverviewCardsAndTopFivesFollowAScrobbleLive() {
        browser.loginAs("dana").open("/?range=today");
        browser.script("window.notReloaded = true");
        browser.waitFor(d -> browser.app().context().getBean(LiveUpdates.class).openStreams(userId) > 0);
        long before = Long.parseLong(card("overview.plays").replaceAll("[^0-9]", ""));
        String artist = "Live Artist " + System.nanoTime();

        Api.Response single = lb().send("POST", "/1/submit-listens", "{\"listen_type\":\"single\",\"payload\":[{"
                + "\"listened_at\":" + Instant.now().getEpochSecond() + ",\"track_metadata\":{\"artist_name\":\""
                + artist + "\",\"track_name\":\"Only Once\"}}]}", "application/json");
        assertThat(single.status()).as(single.body()).isEqualTo(200);
        // the cards and the top five wait 500 ms without another event, then fetch their fragments again
        // read in one script call: the swapped fragments leave no stale element in between
        browser.waitFor(d -> String.format("%,d", before + 1).equals(browser.script(
                "return document.querySelector(\"[data-figure='overview.plays'] .stat-value\").textContent.trim()")));
        browser.waitFor(d -> String.valueOf(browser.script("return document.querySelector('[data-top=artists]').textContent"))
                .contains(artist));
        assertThat(card("overview.plays")).isEqualTo(String.format("%,d",
                stats("overview?range=today").path("items").get(0).path("plays").asLong()));
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
        browser.checkPage();
        browser.screenshot("dashboard-live-cards");
    }

    @Test
    void anotherUsersScrobbleIsNotStreamedAndLogoutEndsTheStream() {
        String other = browser.createUser("otto");
        browser.loginAs("dana").open("/");
        LiveUpdates live = browser.app().context().getBean(LiveUpdates.class);
        browser.waitFor(d -> live.openStreams(userId) > 0);
        String before = browser.find("#recent").getText();
        Api api = browser.app().api();
        String ottoAccess = api.post("/api/v1/auth/login", Map.of("username", "otto", "password", BrowserSession.password("otto")))
                .json().path("access_token").asString();
        long otto = api.bearer(ottoAccess).get("/api/v1/me").json().path("id").asLong();
        api.bearer(ottoAccess).post("/api/v1/listens", Map.of("artist", "Otto", "track", "Not for Dana",
                "listened_at", Instant.now().getEpochSecond()));
        assertThat(live.openStreams(otto)).isZero();
        browser.script("return new Promise(r => setTimeout(r, 800))");
        assertThat(browser.find("#recent").getText()).isEqualTo(before).doesNotContain("Not for Dana");
        assertThat(other).isNotBlank();

        browser.logout();
        browser.waitFor(d -> live.openStreams(userId) == 0);
    }

    @Test
    void phoneWidthHasNoHorizontalScroll() {
        browser.loginAs("dana").phone().open("/?range=90d");
        browser.assertNoHorizontalOverflow();
        browser.checkPage();
        browser.screenshot("dashboard-phone-light");
        browser.script("document.querySelector('.top-lists').scrollIntoView()");
        browser.screenshot("dashboard-phone-light-top");
        browser.script("document.querySelector('.heatmap').scrollIntoView()");
        browser.screenshot("dashboard-phone-light-heatmap");
        browser.colorScheme("dark").open("/?range=90d");
        browser.assertNoHorizontalOverflow();
        browser.screenshot("dashboard-phone-dark");
    }
}
