package org.tonearm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tonearm.testsupport.Api;

/**
 * Every page in the dark theme (issue #12 items 1 and 9): each one opened with the system set to dark, checked with
 * axe-core (contrast included), for requests to other hosts and console errors, and saved as a screenshot
 * ({@code target/screenshots/dark/<page>.png}) for a person to look at. Starts on an empty instance, so the first-run
 * page is among them.
 */
class DarkPagesBrowserTests {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.start(Map.of());

    @Test
    void everyPagePassesTheChecksInTheDarkTheme() {
        browser.colorScheme("dark");
        visit("setup", "/setup");
        browser.createUser("ann"); // the first account: ADMIN
        Api ann = browser.app().api().bearer(browser.app().api().post("/api/v1/auth/login",
                Map.of("username", "ann", "password", BrowserSession.password("ann"))).json().path("access_token").asString());
        ann.patch("/api/v1/me", Map.of("profile_visibility", "public"));
        long now = Instant.now().getEpochSecond();
        List<Map<String, Object>> listens = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            listens.add(Map.of("artist", "Artist " + (i % 4), "track", "Song " + (i % 12), "album", "Album " + (i % 4),
                    "listened_at", now - 600 - i * 3_600L, "track_length_ms", 200_000));
        }
        assertThat(ann.post("/api/v1/listens", Map.of("listens", listens)).status()).isBetween(200, 202);
        var top = ann.get("/api/v1/stats/top/tracks?range=all_time").json().path("items").get(0);
        long track = top.path("id").asLong();
        long artist = ann.get("/api/v1/stats/top/artists?range=all_time").json().path("items").get(0).path("id").asLong();
        long album = ann.get("/api/v1/stats/top/albums?range=all_time").json().path("items").get(0).path("id").asLong();

        visit("login", "/login");
        visit("register", "/register");
        visit("profile", "/u/ann");
        browser.loginAs("ann");
        for (String[] page : new String[][] {{"dashboard", "/?range=7d"}, {"top", "/top?range=all_time"},
                {"history", "/history"}, {"artist", "/artist/" + artist}, {"album", "/album/" + album},
                {"track", "/track/" + track}, {"discoveries", "/discoveries?range=all_time"}, {"streaks", "/streaks"},
                {"year", "/year"}, {"import", "/import"}, {"connections", "/connections"}, {"settings", "/settings"},
                {"shares", "/shares"}, {"admin", "/admin"}, {"not-found", "/import/no-such-page"}}) {
            visit(page[0], page[1]);
        }
        assertThat(browser.script("return getComputedStyle(document.documentElement).colorScheme")).asString().contains("dark");
    }

    private static void visit(String name, String path) {
        browser.open(path);
        assertThat(browser.findAll("h1")).as(path).hasSize(1);
        browser.checkPage();
        browser.screenshot("dark/" + name);
    }
}
