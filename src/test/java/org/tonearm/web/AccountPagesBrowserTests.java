package org.tonearm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * Login, logout, registration and settings in a real browser (issue #12 items 1, 2 and 9), each page checked with
 * axe-core, for requests to other hosts and for console errors; the dashboard at phone width; the pages in the dark
 * theme too ({@link BrowserSession#checkDark}).
 */
class AccountPagesBrowserTests {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.start(Map.of());

    @BeforeAll
    static void accounts() {
        browser.createUser("admin");
        browser.createUser("ann");
    }

    @Test
    void logsInWithUsernameAndLogsOut() {
        browser.loginAs("ann");
        assertThat(browser.find("h1").getText()).isEqualTo("Dashboard");
        var session = browser.driver().manage().getCookieNamed("TONEARM_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        // a user is not an admin: no Admin entry
        assertThat(browser.findAll(".site-nav a")).extracting(e -> e.getText()).doesNotContain("Admin");
        browser.checkPage();
        browser.logout();
        assertThat(browser.find("[role=status]").getText()).isEqualTo("You are logged out.");
        browser.open("/settings");
        browser.waitForPath("/login");
        browser.checkPage();
    }

    @Test
    void loginRegistrationAndSettingsPassTheChecksInTheDarkTheme() {
        browser.checkDark("login", "/login");
        browser.checkDark("register", "/register");
        browser.loginAs("ann");
        browser.checkDark("settings", "/settings");
    }

    @Test
    void logsInWithEmail() {
        browser.loginAs("ann@example.test", BrowserSession.password("ann"));
        assertThat(browser.find("h1").getText()).isEqualTo("Dashboard");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        browser.open("/login").submit(Map.of("login", "ann", "password", "not the password"));
        browser.waitForPath("/login");
        assertThat(browser.find("[role=alert]").getText()).isEqualTo("Wrong username, email or password.");
        browser.open("/settings");
        browser.waitForPath("/login");
    }

    @Test
    void settingsShowTheApiValidationMessageNextToTheField() {
        String apiMessage = browser.app().api().bearer(apiToken("ann"))
                .patch("/api/v1/me", Map.of("timezone", "Mars/Olympus")).json()
                .path("errors").get(0).path("message").asString();
        browser.loginAs("ann").open("/settings");
        browser.checkPage();
        browser.submit(Map.of("timezone", "Mars/Olympus"));
        assertThat(browser.find("#timezone-error").getText()).isEqualTo(apiMessage);
        assertThat(browser.find("#timezone").getAttribute("aria-describedby")).isEqualTo("timezone-error");
        browser.checkPage();
    }

    @Test
    void settingsSaveTheProfile() {
        browser.loginAs("ann").open("/settings");
        browser.submit(Map.of("display_name", "Ann Example", "timezone", "Europe/Paris"));
        browser.waitFor(d -> !browser.findAll(".alert-success").isEmpty());
        assertThat(browser.find("#display_name").getAttribute("value")).isEqualTo("Ann Example");
        var me = browser.app().api().bearer(apiToken("ann")).get("/api/v1/me").json();
        assertThat(me.path("display_name").asString()).isEqualTo("Ann Example");
        assertThat(me.path("timezone").asString()).isEqualTo("Europe/Paris");
    }

    @Test
    void registrationCreatesAnAccountAndLogsItIn() {
        browser.open("/register");
        browser.checkPage();
        browser.submit(Map.of("username", "bob", "password", BrowserSession.password("bob")));
        browser.waitForPath("/");
        assertThat(browser.find("h1").getText()).isEqualTo("Dashboard");
    }

    @Test
    void dashboardFitsAPhoneAndIsKeyboardNavigable() {
        browser.loginAs("admin");
        browser.phone().open("/");
        browser.assertNoHorizontalOverflow();
        browser.checkPage();
        // the first Tab reaches the skip link, which moves the focus to the main content
        browser.find("body").sendKeys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.className")).isEqualTo("skip-link");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("main");
    }

    @Test
    void pagesSpeakSpanishAndFrench() {
        browser.open("/login?lang=es");
        assertThat(browser.find("h1").getText()).isEqualTo("Iniciar sesión");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
        // the choice is kept in a cookie
        browser.open("/register");
        assertThat(browser.find("h1").getText()).isEqualTo("Crear una cuenta");
        browser.open("/login?lang=fr");
        assertThat(browser.find("h1").getText()).isEqualTo("Connexion");
        browser.checkPage();
    }

    @Test
    void assetsHaveContentHashUrlsLongCacheAndGzip() {
        browser.open("/login");
        var assets = browser.requestedUrls().stream()
                .filter(u -> u.contains("/css/") || u.contains("/js/") || u.contains("/webjars/")).toList();
        // app.css, theme.js, htmx, its SSE extension, app.js
        assertThat(assets).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(u -> assertThat(u).matches(".*-[0-9a-f]{32}\\.(css|js)"));
        String css = assets.stream().filter(u -> u.endsWith(".css")).findFirst().orElseThrow();
        var r = browser.app().api().withHeader("Accept-Encoding", "gzip").get(css.substring(browser.baseUrl().length()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).contains("max-age=31536000").contains("public");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void darkThemeFollowsTheSystemAndTheSwitchIsRemembered() {
        browser.loginAs("admin");
        browser.colorScheme("dark").open("/settings");
        assertThat(background()).isEqualTo("rgb(15, 18, 32)");
        browser.checkPage();
        browser.screenshot("settings-dark-1280");
        browser.phone().open("/");
        browser.screenshot("dashboard-dark-390");
        browser.desktop().open("/");
        // system (dark) -> light, kept across pages in localStorage
        browser.find("#theme-toggle").click();
        browser.open("/settings");
        assertThat(background()).isEqualTo("rgb(246, 247, 251)");
        browser.screenshot("settings-light-1280");
        browser.phone().open("/");
        browser.screenshot("dashboard-light-390");
        browser.script("localStorage.clear()");
    }

    private static Object background() {
        return browser.script("return getComputedStyle(document.body).backgroundColor");
    }

    @Test
    void htmxRequestsCarryTheCsrfTokenAndForgedPostsAreRefused() {
        browser.loginAs("ann").open("/settings");
        Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                document.body.addEventListener('htmx:afterRequest', e => done(e.detail.xhr.status), {once: true});
                htmx.ajax('POST', '/settings/profile', {swap: 'none', values: {display_name: 'Via htmx',
                    timezone: 'UTC', week_start: 'MONDAY', profile_visibility: 'PRIVATE'}});""");
        assertThat(status).isEqualTo(200L);
        assertThat(browser.app().api().bearer(apiToken("ann")).get("/api/v1/me").json().path("display_name").asString())
                .isEqualTo("Via htmx");
        // the same POST with the session cookie but without the token (what a forged cross-site form sends)
        String cookie = "TONEARM_SESSION=" + browser.driver().manage().getCookieNamed("TONEARM_SESSION").getValue();
        var forged = browser.app().api().withHeader("Cookie", cookie).send("POST", "/settings/profile",
                "display_name=Forged&timezone=UTC&week_start=MONDAY&profile_visibility=PRIVATE",
                "application/x-www-form-urlencoded");
        assertThat(forged.status()).isEqualTo(403);
        // and the session cookie is no API credential: the API's chain never reads it
        assertThat(browser.app().api().withHeader("Cookie", cookie).get("/api/v1/me").status()).isEqualTo(401);
    }

    private static String apiToken(String name) {
        return browser.app().api().post("/api/v1/auth/login",
                Map.of("username", name, "password", BrowserSession.password(name))).json().path("access_token").asString();
    }
}
