package org.tonearm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * First run in a real browser (issue #12 items 2 and 9): an empty instance leads to the page that creates the
 * administrator, which lands on the dashboard; afterwards the page is gone. Ordered: the instance is empty only once.
 * The first-run page also in the dark theme ({@link BrowserSession#checkDark}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunBrowserTests {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.start(Map.of("tonearm.registration", "closed"));

    @Test
    @Order(1)
    void emptyInstanceShowsTheFirstRunPageThatPassesAxeAtPhoneWidth() {
        browser.phone().open("/");
        browser.waitForPath("/setup");
        assertThat(browser.find("h1").getText()).isEqualTo("Welcome to Tonearm");
        browser.assertNoHorizontalOverflow();
        browser.checkPage();
        browser.desktop().checkDark("setup", "/setup");
    }

    @Test
    @Order(2)
    void firstRunRefusesAShortPasswordWithTheApiMessageNextToTheField() {
        // what the API answers for the same password (the instance is still empty, so it validates the same way)
        String apiMessage = browser.app().api().post("/api/v1/auth/register", Map.of("username", "root", "password", "short"))
                .json().path("errors").get(0).path("message").asString();
        browser.open("/setup").submit(Map.of("username", "root", "password", "short"));
        assertThat(apiMessage).startsWith("must be");
        assertThat(browser.find("#password-error").getText()).isEqualTo(apiMessage);
        assertThat(browser.find("#password").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#username").getAttribute("value")).isEqualTo("root");
        browser.checkPage();
    }

    @Test
    @Order(3)
    void firstRunCreatesTheAdminAndLandsOnTheDashboardWithAdminNav() {
        browser.open("/setup").submit(Map.of("username", "root", "email", "root@example.test",
                "password", BrowserSession.password("root")));
        browser.waitForPath("/");
        assertThat(browser.find("h1").getText()).isEqualTo("Dashboard");
        assertThat(browser.findAll(".site-nav a")).extracting(e -> e.getText()).containsExactly("Dashboard", "Top",
                "History", "Discoveries", "Streaks", "Year", "Import", "Connections", "Settings", "Admin");
        assertThat(browser.find(".site-nav a[aria-current=page]").getText()).isEqualTo("Dashboard");
        assertThat(browser.findAll(".stat")).hasSize(4);
        browser.checkPage();
    }

    @Test
    @Order(4)
    void afterTheFirstAccountTheFirstRunPageIsGone() {
        browser.open("/setup");
        // logged out (cookies cleared between tests): / sends to the login page now, not to the first-run page
        browser.waitForPath("/login");
        var r = browser.app().api().get("/setup");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/");
    }
}
