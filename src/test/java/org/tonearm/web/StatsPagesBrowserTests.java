package org.tonearm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import javax.imageio.ImageIO;
import org.tonearm.testsupport.Api;

/**
 * The stats and history pages (issue #12 item 4) in a real browser: history with endless scrolling, inline correction
 * and delete with undo; top list paging and order; the artist page against the stats API; the year in review.
 * One user with 130 listens over the last days (60 tracks, 3 artists), seeded once through the native API. The pages
 * in the dark theme too ({@link BrowserSession#checkDark}).
 */
class StatsPagesBrowserTests {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.start(Map.of()).onBothDatabases();

    static final int LISTENS = 130;
    static Api ann;

    @BeforeAll
    static void seed() {
        browser.createUser("ann");
        String token = browser.app().api().post("/api/v1/auth/login",
                Map.of("username", "ann", "password", BrowserSession.password("ann"))).json().path("access_token").asString();
        ann = browser.app().api().bearer(token);
        long now = Instant.now().getEpochSecond();
        List<Map<String, Object>> listens = new ArrayList<>();
        for (int i = 0; i < LISTENS; i++) {
            // 20-minute steps: 130 listens span 43 hours, inside "the last 7 days" on any date
            listens.add(Map.of("artist", "Artist " + (i % 3), "track", "Song " + (i % 60), "album", "Album " + (i % 3),
                    "listened_at", now - 600 - i * 1200L, "track_length_ms", 180_000));
        }
        var r = ann.post("/api/v1/listens", Map.of("listens", listens));
        assertThat(r.status()).as(r.body()).isBetween(200, 202);
    }

    private static List<WebElement> visibleListens() {
        return browser.findAll("#listens li.listen").stream().filter(WebElement::isDisplayed).toList();
    }

    @Test
    void historyLoadsTheNextPageWhenTheEndIsRevealed() {
        browser.loginAs("ann").open("/history");
        assertThat(browser.findAll("#listens li.listen")).hasSize(50);
        // newest first: the first row is the newest listen (i = 0 → Song 0)
        assertThat(browser.find("#listens li.listen .listen-track").getText()).isEqualTo("Song 0");
        browser.checkPage();
        browser.script("document.querySelector('#listens li.more').scrollIntoView()");
        browser.waitFor(d -> browser.findAll("#listens li.listen").size() == 100);
        // "revealed" fires on a scroll: go up, then down to the new end of the list
        browser.script("window.scrollTo(0, 0)");
        browser.script("document.querySelector('#listens li.more').scrollIntoView()");
        browser.waitFor(d -> browser.findAll("#listens li.more").isEmpty());
        // every listen once (another test may have deleted one: count what the API has)
        int all = ann.get("/api/v1/listens?limit=1000").json().path("listens").size();
        assertThat(all).isGreaterThan(100);
        assertThat(browser.findAll("#listens li.listen")).hasSize(all);
        browser.phone().open("/history");
        browser.assertNoHorizontalOverflow();
        browser.checkPage();
    }

    /** A row shows the listen as the API has it: links, local time, the buttons' accessible names in the language. */
    @Test
    void aHistoryRowShowsTheListenWithItsLinksTimeAndButtonNames() {
        var newest = ann.get("/api/v1/listens?limit=1").json().path("listens").get(0);
        Instant at = Instant.parse(newest.path("listened_at").asString());
        String zone = ann.get("/api/v1/me").json().path("timezone").asString();
        String title = newest.path("track").path("title").asString();
        browser.loginAs("ann").open("/history");
        String row = "#listen-" + newest.path("id").asLong();
        assertThat(browser.find(row + " .listen-track").getText()).isEqualTo(title);
        assertThat(browser.find(row + " .listen-track").getAttribute("href"))
                .endsWith("/track/" + newest.path("track").path("id").asLong());
        assertThat(browser.find(row + " .listen-artist a").getAttribute("href"))
                .endsWith("/artist/" + newest.path("track").path("artists").get(0).path("id").asLong());
        assertThat(browser.find(row + " .listen-album").getAttribute("href"))
                .endsWith("/album/" + newest.path("album").path("id").asLong());
        assertThat(Instant.parse(browser.find(row + " time").getAttribute("datetime"))).isEqualTo(at);
        assertThat(browser.find(row + " time").getText()).isEqualTo(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(java.time.ZoneId.of(zone))));
        assertThat(browser.find(row + " .listen-actions button").getAttribute("aria-label")).isEqualTo("Edit " + title);
        assertThat(browser.find(row + " .delete-listen").getAttribute("aria-label")).isEqualTo("Delete " + title);
        assertThat(browser.find(".site-nav a[aria-current=page]").getText()).isEqualTo("History");
        browser.open("/history?lang=es");
        assertThat(browser.find(row + " .delete-listen").getAttribute("aria-label")).isEqualTo("Eliminar " + title);
        browser.open("/history?lang=en");
    }

    @Test
    void statsPagesPassTheChecksInTheDarkTheme() {
        long artist = topId("artist");
        long album = topId("album");
        long track = topId("track");
        browser.loginAs("ann");
        for (String[] page : new String[][] {{"top", "/top?range=all_time"}, {"history", "/history"},
                {"artist", "/artist/" + artist}, {"album", "/album/" + album}, {"track", "/track/" + track},
                {"discoveries", "/discoveries?range=all_time"}, {"streaks", "/streaks"}, {"year", "/year"},
                {"shares", "/shares"}}) {
            browser.checkDark(page[0], page[1]);
            assertThat(browser.find("h1").getText()).as(page[1]).isNotEqualTo("Not found");
        }
    }

    /** The id of ann's first artist, album or track of all time. */
    private static long topId(String entity) {
        return ann.get("/api/v1/stats/top/" + entity + "s?range=all_time&limit=1").json().path("items").get(0)
                .path(entity).path("id").asLong();
    }

    @Test
    void historyFiltersByArtist() {
        browser.loginAs("ann").open("/history?artist=Artist+1");
        assertThat(browser.findAll("#listens li.listen .listen-artist"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.getText()).isEqualTo("Artist 1"));
        assertThat(browser.find("details.filters").getAttribute("open")).isNotNull();
    }

    @Test
    void correctsAListenInlineWithTheApiMessages() {
        long id = ann.get("/api/v1/listens?limit=1&q=Song+7").json().path("listens").get(0).path("id").asLong();
        String apiMessage = ann.patch("/api/v1/listens/" + id, Map.of("track_length_ms", "long"))
                .json().path("errors").get(0).path("message").asString();
        browser.loginAs("ann").open("/history?q=Song+7");
        String row = "#listen-" + id;
        browser.find(row + " button[hx-get$='/edit']").click();
        browser.waitFor(d -> !browser.findAll(row + " form").isEmpty());
        WebElement length = browser.find("#e-track_length_ms-" + id);
        length.clear();
        length.sendKeys("long");
        browser.find(row + " button[type=submit]").click();
        browser.waitFor(d -> !browser.findAll("#e-track_length_ms-" + id + "-error").isEmpty());
        assertThat(browser.find("#e-track_length_ms-" + id + "-error").getText()).isEqualTo(apiMessage);
        assertThat(browser.find("#e-track_length_ms-" + id).getAttribute("aria-invalid")).isEqualTo("true");
        // the other fields kept their values
        assertThat(browser.find("#e-artist-" + id).getAttribute("value")).isEqualTo("Artist 1");
        browser.checkPage();
        // a valid correction: the row shows it and the API returns it
        WebElement track = browser.find("#e-track-" + id);
        track.clear();
        track.sendKeys("Song Seven (Live)");
        length = browser.find("#e-track_length_ms-" + id);
        length.clear();
        length.sendKeys("200000");
        browser.find(row + " button[type=submit]").click();
        browser.waitFor(d -> browser.findAll(row + " form").isEmpty());
        assertThat(browser.find(row + " .listen-track").getText()).isEqualTo("Song Seven (Live)");
        var listen = ann.get("/api/v1/listens/" + id).json();
        assertThat(listen.path("track").path("title").asString()).isEqualTo("Song Seven (Live)");
        assertThat(listen.path("track_length_ms").asLong()).isEqualTo(200_000);
        // untouched fields were not sent: the artist and album stay
        assertThat(listen.path("track").path("artists").get(0).path("name").asString()).isEqualTo("Artist 1");
        assertThat(listen.path("album").path("title").asString()).isEqualTo("Album 1");
    }

    @Test
    void deleteCanBeUndoneAndOtherwiseIsCommitted() {
        var listens = ann.get("/api/v1/listens?limit=2&q=Song+3").json().path("listens");
        long kept = listens.get(0).path("id").asLong();
        long deleted = listens.get(1).path("id").asLong();
        browser.loginAs("ann").open("/history?q=Song+3");
        browser.find("#listen-" + kept + " .delete-listen").click();
        assertThat(browser.find("#listen-" + kept).isDisplayed()).isFalse();
        assertThat(browser.find("#undo-bar").isDisplayed()).isTrue();
        browser.checkPage();
        browser.find("#undo-button").click();
        assertThat(browser.find("#listen-" + kept).isDisplayed()).isTrue();
        assertThat(browser.find("#undo-bar").isDisplayed()).isFalse();
        // the undo time is over (shortened to 1 s here): the row goes and the listen is gone from the API
        browser.script("document.getElementById('listens').dataset.seconds = '1'");
        browser.find("#listen-" + deleted + " .delete-listen").click();
        browser.waitFor(d -> browser.findAll("#listen-" + deleted).isEmpty());
        assertThat(ann.get("/api/v1/listens/" + deleted).status()).isEqualTo(404);
        assertThat(ann.get("/api/v1/listens/" + kept).status()).isEqualTo(200);
        browser.open("/history?q=Song+3");
        assertThat(browser.findAll("#listen-" + deleted)).isEmpty();
        assertThat(browser.findAll("#listen-" + kept)).hasSize(1);
    }

    @Test
    void topListPagesAndSwitchesOrder() {
        browser.loginAs("ann").open("/top?kind=tracks&range=7d");
        assertThat(browser.findAll("ol.ranked li")).hasSize(50);
        assertThat(browser.find(".tabs a[aria-current]").getText()).isEqualTo("Tracks");
        browser.checkPage();
        var api = ann.get("/api/v1/stats/top/tracks?range=7d&limit=50&offset=50").json();
        browser.find(".pager a[rel=next]").click();
        browser.waitFor(d -> browser.path().contains("page=2") && browser.findAll(".pager a[rel=prev]").size() == 1);
        List<WebElement> rows = browser.findAll("ol.ranked li");
        assertThat(rows).hasSize(api.path("items").size());
        assertThat(rows.get(0).findElement(By.cssSelector(".rank")).getText()).isEqualTo("51");
        assertThat(rows.get(0).findElement(By.cssSelector(".ranked-name a")).getText())
                .isEqualTo(api.path("items").get(0).path("track").path("title").asString(
                        api.path("items").get(0).path("track").path("name").asString()));
        browser.find(".order-switch a:not([aria-current])").click();
        browser.waitFor(d -> d.getCurrentUrl().contains("order=time"));
        assertThat(browser.find(".order-switch a[aria-current]").getText()).isEqualTo("Listening time");
        browser.phone().open("/top?kind=tracks&range=7d");
        browser.assertNoHorizontalOverflow();
        browser.checkPage();
    }

    @Test
    void artistPageShowsTheStatsApiNumbers() {
        var top = ann.get("/api/v1/stats/top/artists?range=all_time&limit=1").json().path("items").get(0);
        long artist = top.path("artist").path("id").asLong();
        var api = ann.get("/api/v1/stats/artists/" + artist + "?range=all_time").json().path("items").get(0);
        browser.loginAs("ann").open("/artist/" + artist);
        assertThat(browser.find("h1").getText()).isEqualTo(api.path("artist").path("name").asString());
        assertThat(browser.find("#entity-plays").getText()).isEqualTo(Long.toString(api.path("plays").asLong()));
        assertThat(browser.find("#entity-rank").getText()).isEqualTo("#" + api.path("rank").asInt());
        var buckets = api.path("timeline");
        assertThat(browser.findAll(".bars rect")).hasSize(buckets.size());
        // the chart's time axis names its first and last bucket: days up to 62 days, else months ("2026-12")
        boolean byDay = true;
        for (var b : buckets) {
            byDay &= b.path("start").asString().equals(b.path("end").asString());
        }
        int chars = byDay ? 10 : 7;
        assertThat(browser.findAll(".chart .axis span")).extracting(WebElement::getText).containsExactly(
                buckets.get(0).path("start").asString().substring(0, chars),
                buckets.get(buckets.size() - 1).path("start").asString().substring(0, chars));
        browser.checkPage();
        browser.phone().open("/artist/" + artist);
        browser.assertNoHorizontalOverflow();
        browser.colorScheme("dark").open("/artist/" + artist);
        browser.screenshot("artist-dark-phone");
    }

    @Test
    void yearInReviewDiscoveriesAndStreaks() {
        int year = Year.now(ZoneOffset.UTC).getValue();
        var api = ann.get("/api/v1/stats/year/" + year).json().path("items").get(0);
        browser.loginAs("ann").open("/year");
        browser.waitForPath("/year/" + year);
        assertThat(browser.find("#year-plays").getText()).isEqualTo(String.format("%,d", api.path("plays").asLong()));
        assertThat(browser.findAll(".months tbody tr")).hasSize(12);
        browser.checkPage();
        browser.phone().open("/year/" + year);
        browser.assertNoHorizontalOverflow();
        browser.checkPage();
        browser.desktop().open("/discoveries?range=all_time");
        assertThat(browser.findAll("ol.ranked li")).hasSize(3);
        browser.checkPage();
        browser.open("/streaks");
        assertThat(browser.findAll(".stat-value")).hasSize(2);
        browser.checkPage();
    }

    @Test
    void shareLinkShowsTheCardLoggedOutUntilRevoked() throws Exception {
        int year = Year.now(ZoneOffset.UTC).getValue();
        browser.loginAs("ann").open("/year/" + year);
        assertThat(browser.find("h1").getText()).isEqualTo(year + " in review");
        browser.find("form.share-actions button[type=submit]").click();
        browser.waitFor(d -> !browser.findAll("#created-link").isEmpty());
        String path = URI.create(browser.find("#created-link").getAttribute("href")).getPath();
        assertThat(path).matches("/s/[A-Za-z0-9_-]{43}");
        browser.checkPage();
        browser.logout();
        // logged out: the read-only card with its OpenGraph and Twitter tags
        browser.open(path);
        assertThat(browser.find("h1").getText()).isEqualTo(year + " in review");
        assertThat(browser.findAll(".site-nav")).isEmpty();
        String image = browser.find("meta[property='og:image']").getAttribute("content");
        assertThat(image).isEqualTo(browser.baseUrl() + path + "/image.png");
        assertThat(browser.find("meta[name='twitter:image']").getAttribute("content")).isEqualTo(image);
        assertThat(browser.find("meta[name='twitter:card']").getAttribute("content")).isEqualTo("summary_large_image");
        assertThat(browser.findAll("ol.share-lines li")).hasSize(3); // the three artists, top five at most
        browser.checkPage();
        browser.phone().open(path);
        browser.assertNoHorizontalOverflow();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(image)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        var picture = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(picture.getWidth()).isEqualTo(1200);
        assertThat(picture.getHeight()).isEqualTo(630);
        java.nio.file.Path shot = java.nio.file.Path.of("target/screenshots/StatsPagesBrowserTests/share-image.png");
        java.nio.file.Files.createDirectories(shot.getParent());
        java.nio.file.Files.write(shot, png.body());
        // revoked: the page and the image are gone
        browser.desktop().loginAs("ann").open("/shares");
        browser.checkPage();
        browser.find(".share-row button[type=submit]").click();
        browser.waitFor(d -> !browser.findAll(".alert-success").isEmpty());
        assertThat(browser.findAll(".share-row")).isEmpty();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(image)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        // an unguessable token that was never issued is the same 404
        assertThat(http.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/s/" + "A".repeat(43))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }
}
