package org.tonearm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Import, connections, public profile, admin and error pages in a real browser (issue #12 items 6, 7 and 8), each
 * checked with axe-core, for requests to other hosts and console errors, at phone width and in the dark theme
 * ({@link BrowserSession#checkDark}). One application for the class. The import batch is small so that a few
 * thousand rows take several batches: the page is seen running before it shows the report.
 */
class ImportConnectionsAdminBrowserTests {

    static final int ROWS = 1_200;

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.start(Map.of("tonearm.imports.batch-size", 30));

    @TempDir
    static Path files;

    @BeforeAll
    static void accounts() {
        browser.createUser("admin"); // the first account: ADMIN
        browser.createUser("ann");
        browser.createUser("pia");
        browser.createUser("pete");
        browser.createUser("dora");
        browser.createUser("rhea");
    }

    @Test
    void importsASpotifyHistoryWithALiveProgressBarAndTheApisReport() throws IOException {
        Path history = spotifyHistory(files.resolve("Streaming_History_Audio_2024_0.json"), ROWS);
        browser.loginAs("ann").open("/import");
        browser.checkPage();
        browser.find("#file").sendKeys(history.toString());
        browser.find("#import-form button[type=submit]").click();
        browser.waitFor(d -> browser.path().startsWith("/import?job="));
        long jobId = Long.parseLong(browser.path().substring("/import?job=".length()));

        // the fragment is polled every second: collect what the page shows until the report appears
        Set<String> seen = new HashSet<>();
        boolean runningShot = false;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            String status = String.valueOf(browser.script("var j = document.getElementById('job');"
                    + " return j ? j.getAttribute('data-status') : null"));
            Object processed = browser.script("var p = document.querySelector('.job-processed');"
                    + " return p ? p.textContent : null");
            if (seen.add(status + "|" + processed) && status.equals("running") && !runningShot) {
                runningShot = true;
                browser.screenshot("import-running");
            }
            if (status.equals("completed") || status.equals("failed")) {
                break;
            }
            sleep(150);
        }
        assertThat(browser.find("#job").getAttribute("data-status")).isEqualTo("completed");
        assertThat(seen).as("states the page showed before the report")
                .anyMatch(s -> s.startsWith("running|") || s.startsWith("queued|"));
        browser.screenshot("import-report");

        var job = browser.app().api().bearer(apiToken("ann")).get("/api/v1/imports/" + jobId).json();
        assertThat(job.path("imported").asLong()).isEqualTo(ROWS);
        assertThat(number("#report-imported")).isEqualTo(job.path("imported").asLong());
        assertThat(number("#report-duplicates")).isEqualTo(job.path("duplicates").asLong());
        assertThat(number("#report-skipped")).isEqualTo(job.path("skipped").asLong());
        assertThat(number("#report-failed")).isEqualTo(job.path("failed").asLong());
        browser.checkPage();

        // the poll that saw the job finish replaced the history too, without a reload: its row says completed
        assertThat(browser.find("#import-history tbody tr").getText()).contains(history.getFileName().toString())
                .contains("Completed");
        // the history lists it; at phone width nothing is wider than the screen
        browser.open("/import");
        assertThat(browser.find("#import-history tbody tr td a").getText()).isEqualTo(history.getFileName().toString());
        browser.phone().open("/import?job=" + jobId);
        browser.assertNoHorizontalOverflow();
        browser.checkPage();
    }

    @Test
    void aFileOfNoKnownFormatIsRefusedWithTheApisMessage() throws IOException {
        Path junk = Files.writeString(files.resolve("notes.txt"), "just some text without any listens\n");
        browser.loginAs("ann").open("/import");
        browser.find("#file").sendKeys(junk.toString());
        browser.find("#import-form button[type=submit]").click();
        browser.waitFor(d -> !browser.findAll("#file-error").isEmpty());
        assertThat(browser.find("#file-error").getText()).contains("no known import format recognizes notes.txt");
        assertThat(browser.find("#file").getAttribute("aria-invalid")).isEqualTo("true");
        browser.checkPage();
    }

    @Test
    void createsATokenThatWorksOnTheApiAndRevokesIt() {
        browser.loginAs("ann").open("/connections");
        browser.checkPage();
        // every scope is ticked at first: untick the statistics
        browser.find("input[name=scopes][value='stats:read']").click();
        browser.submit(Map.of("name", "my scrobbler"));
        browser.waitFor(d -> !browser.findAll("#new-token").isEmpty());
        String token = browser.find("#new-token").getAttribute("value");
        assertThat(browser.find(".token-name").getText()).isEqualTo("my scrobbler");
        browser.checkPage();

        var api = browser.app().api().auth("Token " + token);
        assertThat(api.get("/api/v1/listens").status()).isEqualTo(200);
        // a scope not ticked is not granted
        assertThat(browser.app().api().auth("Token " + token).get("/api/v1/stats/overview").status()).isEqualTo(403);

        // shown once: a reload no longer has it
        browser.open("/connections");
        assertThat(browser.findAll("#new-token")).isEmpty();
        // the client settings carry this server's URL
        assertThat(browser.find("#client-0-0").getAttribute("value")).isEqualTo(browser.baseUrl() + "/apis/listenbrainz");

        browser.find(".token-item form button").click();
        browser.waitFor(d -> !browser.findAll(".alert-success").isEmpty());
        assertThat(browser.findAll(".token-item")).isEmpty();
        assertThat(browser.app().api().auth("Token " + token).get("/api/v1/listens").status()).isEqualTo(401);

        browser.phone().open("/connections");
        browser.assertNoHorizontalOverflow();
        browser.checkPage();
    }

    @Test
    void aTokenWithoutScopesIsRefusedWithTheApisMessage() {
        browser.loginAs("ann").open("/connections");
        browser.findAll("input[name=scopes]").forEach(WebElement::click);
        browser.submit(Map.of("name", "nothing"));
        browser.waitFor(d -> !browser.findAll(".field-error").isEmpty());
        assertThat(browser.find(".field-error").getText()).isEqualTo("must name at least one scope; omit it for all of them");
    }

    @Test
    void aPublicProfileIsVisibleLoggedOutAndAPrivateOneIsNotFound() {
        var pia = browser.app().api().bearer(apiToken("pia"));
        pia.patch("/api/v1/me", Map.of("profile_visibility", "public"));
        for (String at : new String[] {"2024-05-01T12:00:00Z", "2024-05-01T12:10:00Z"}) {
            assertThat(pia.post("/api/v1/listens", Map.of("artist", "Nina Simone", "track", "Sinnerman",
                    "listened_at", at, "duration_played_ms", 200000)).status()).isEqualTo(201);
        }
        browser.open("/u/pia");
        assertThat(browser.find("h1").getText()).isEqualTo("pia");
        assertThat(browser.find(".top-list li").getText()).contains("Nina Simone", "2 plays");
        assertThat(browser.findAll(".site-nav")).isEmpty();
        browser.screenshot("profile-public");
        browser.checkPage();
        browser.phone().open("/u/pia");
        browser.assertNoHorizontalOverflow();
        browser.desktop().checkDark("profile", "/u/pia");
        assertThat(browser.find("h1").getText()).isEqualTo("pia");

        browser.open("/u/pete"); // PRIVATE
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        String privatePage = browser.find("main").getText();
        browser.checkPage();
        browser.open("/u/nobody-has-this-name");
        assertThat(browser.find("main").getText()).isEqualTo(privatePage);
        assertThat(browser.app().api().get("/u/pete").status()).isEqualTo(404);
    }

    @Test
    void importConnectionsAdminAndErrorPagesPassTheChecksInTheDarkTheme() {
        browser.loginAs("admin");
        browser.checkDark("import", "/import");
        browser.checkDark("connections", "/connections");
        browser.checkDark("admin", "/admin");
        assertThat(browser.find("h1").getText()).isEqualTo("Administration");
        // an admin's nav ends with Admin, marked as the current page here (the layout's PageLayout)
        assertThat(browser.findAll(".site-nav a")).extracting(e -> e.getText()).endsWith("Settings", "Admin");
        assertThat(browser.findAll(".site-nav a[aria-current=page]")).extracting(e -> e.getText())
                .containsExactly("Admin");
        browser.checkDark("not-found", "/import/no-such-page");
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        // the error page (WebErrorAdvice) keeps the signed-in layout: the nav with Import current, and Log out
        assertThat(browser.findAll(".site-nav a[aria-current=page]")).extracting(e -> e.getText())
                .containsExactly("Import");
        assertThat(browser.findAll("form.logout-form")).hasSize(1);
        // a path outside every page prefix is the same page for a browser, not the API's problem+json; it lies
        // outside the web's session chain, so it shows the signed-out layout (ProblemDetailsAdvice.noRoute)
        browser.open("/no-such-page");
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        assertThat(browser.find("main a.button-primary").getAttribute("href")).endsWith("/");
    }

    @Test
    void anAdminCreatesAnInviteAndANewUserRegistersWithIt() {
        browser.loginAs("admin").open("/admin");
        browser.checkPage();
        browser.find("input[name=mode][value=invite]").click();
        browser.find("input[name=mode][value=invite]").submit();
        browser.waitFor(d -> !browser.findAll(".alert-success").isEmpty());
        browser.submit(Map.of("note", "for zoe"));
        browser.waitFor(d -> !browser.findAll("#invite-code").isEmpty());
        String code = browser.find("#invite-code").getAttribute("value");
        browser.checkPage();
        browser.phone().open("/admin");
        browser.assertNoHorizontalOverflow();
        browser.desktop();
        browser.logout();

        browser.open("/register");
        browser.submit(Map.of("username", "zoe", "password", BrowserSession.password("zoe"), "invite_code", code));
        browser.waitForPath("/");
        assertThat(browser.find("h1").getText()).isEqualTo("Dashboard");
        browser.logout();

        browser.loginAs("admin").open("/admin");
        WebElement zoe = browser.find("tr[data-user=zoe]");
        assertThat(zoe.getText()).contains("Active");
    }

    @Test
    void anAdminDisablesAUserChangesARoleAndRevokesAnInvite() {
        browser.loginAs("admin").open("/admin");
        // disable dora: the row says so and her password no longer logs in (the API's own rule)
        browser.find("tr[data-user=dora] form[action$='/disabled'] button").click();
        browser.waitFor(d -> !browser.findAll(".alert-success").isEmpty());
        assertThat(browser.find("tr[data-user=dora]").getText()).contains("Disabled").contains("Enable");
        assertThat(browser.app().api().post("/api/v1/auth/login", Map.of("username", "dora",
                "password", BrowserSession.password("dora"))).status()).isIn(401, 403);
        // rhea becomes an admin: she sees the admin page
        new Select(browser.find("tr[data-user=rhea] select[name=role]")).selectByValue("ADMIN");
        browser.find("tr[data-user=rhea] form[action$='/role'] button").click();
        browser.waitFor(d -> !browser.findAll(".alert-success").isEmpty());
        assertThat(new Select(browser.find("tr[data-user=rhea] select[name=role]")).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("ADMIN");
        // an invite revoked before use: gone from the list, and its code registers nobody
        browser.submit(Map.of("note", "to be revoked"));
        browser.waitFor(d -> !browser.findAll("#invite-code").isEmpty());
        String code = browser.find("#invite-code").getAttribute("value");
        browser.findAll("#invite-list .token-item").stream()
                .filter(li -> li.getText().contains("to be revoked")).findFirst().orElseThrow()
                .findElement(org.openqa.selenium.By.cssSelector("form button")).click();
        browser.waitFor(d -> !browser.findAll(".alert-success").isEmpty());
        assertThat(browser.find("main").getText()).doesNotContain("to be revoked");
        browser.checkPage();
        browser.find("input[name=mode][value=invite]").click();
        browser.find("input[name=mode][value=invite]").submit();
        browser.waitFor(d -> !browser.findAll(".alert-success").isEmpty());
        assertThat(browser.app().api().post("/api/v1/auth/register", Map.of("username", "ivan",
                "password", BrowserSession.password("ivan"), "invite_code", code)).status()).isNotEqualTo(201);
        browser.logout();

        browser.loginAs("rhea").open("/admin");
        assertThat(browser.find("h1").getText()).isEqualTo("Administration");
        browser.logout();
        // dora's login form says no
        browser.open("/login").submit(Map.of("login", "dora", "password", BrowserSession.password("dora")));
        browser.waitFor(d -> !browser.findAll("[role=alert]").isEmpty());
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void errorsOfPagesArePagesAndTheApiKeepsProblemJson() {
        browser.loginAs("ann").open("/admin");
        assertThat(browser.find("h1").getText()).isEqualTo("Not allowed");
        browser.checkPage();
        browser.open("/import/no-such-page");
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        browser.open("/import?job=999999"); // no such job (or another user's)
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        browser.open("/artist/abc"); // an id that is no number names no page: 404, not a server error
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        browser.open("/year/99999999999");
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        var api = browser.app().api().bearer(apiToken("ann")).get("/api/v1/imports/999999");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    private static long number(String css) {
        return Long.parseLong(browser.find(css).getText().replaceAll("[^0-9]", ""));
    }

    private static Path spotifyHistory(Path file, int rows) throws IOException {
        StringBuilder json = new StringBuilder("[\n");
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"ts\":\"").append(start.plusSeconds(300L * i))
                    .append("\",\"platform\":\"android\",\"ms_played\":200000,\"master_metadata_track_name\":\"Song ")
                    .append(i % 500).append("\",\"master_metadata_album_artist_name\":\"Artist ").append(i % 40)
                    .append("\",\"master_metadata_album_album_name\":\"Album ").append(i % 80)
                    .append("\",\"spotify_track_uri\":null,\"episode_name\":null,\"reason_start\":\"trackdone\","
                            + "\"reason_end\":\"trackdone\",\"shuffle\":false,\"skipped\":false,\"offline\":false,"
                            + "\"incognito_mode\":false}");
        }
        return Files.writeString(file, json.append("\n]\n"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String apiToken(String name) {
        return browser.app().api().post("/api/v1/auth/login",
                Map.of("username", name, "password", BrowserSession.password(name))).json().path("access_token").asString();
    }
}
