package org.tonearm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tonearm.testsupport.TestApps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browser tests of the web UI (docs/web.md#browser-tests): ONE Tonearm application per test class (TestApps, on the
 * run's database; a fresh SQLite file and data directory) and ONE headless Chromium for the whole test JVM, shared by
 * every browser class (started by the first, quit when JUnit ends: a start costs seconds on a loaded machine), driven
 * with Selenium through Debian's chromium-driver.
 *
 * <pre>
 * class FooBrowserTests {
 *     &#64;RegisterExtension
 *     static final BrowserSession browser = BrowserSession.start(Map.of());
 *
 *     &#64;Test
 *     void showsFoo() {
 *         browser.loginAs(browser.createUser("ann"));
 *         browser.open("/foo");
 *         browser.checkPage();      // all requests to Tonearm, no console error, axe: no serious/critical violation
 *     }
 * }
 * </pre>
 *
 * <p>Chromium is kept on loopback as /work/shared/BROWSER.md measured it: a fresh profile with a Preferences file
 * that disables sign-in, the password manager and safe browsing; flags that disable the background services; a host
 * resolver that resolves nothing but localhost; the component updater and Google URLs pointed at a closed loopback
 * port. Every request a page makes is read from Chromium's performance log and must go to Tonearm.
 *
 * <p>Each test ends with a screenshot in {@code target/screenshots/<class>/<test>.png}. Each test starts as in a fresh
 * profile: on a blank page, without any cookie (of any port: cookies ignore ports) nor the application's storage,
 * at desktop size (1280×900), in the light scheme, with the logs read so far dropped.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final String CHROMIUM = "/usr/lib/chromium/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** The phone width of docs/web.md#responsive (an iPhone 12-15 in CSS px). */
    public static final int PHONE_WIDTH = 390;
    public static final String PASSWORD_SUFFIX = " correct horse battery";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(BrowserSession.class);
    private static String axe;

    private final Map<String, Object> settings;
    private boolean bothDatabases;
    private String pgSchema;
    private TestApps.App app;
    private ChromeDriver driver;
    private String baseUrl;
    private final List<String> requested = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    private BrowserSession(Map<String, Object> settings) {
        this.settings = settings;
    }

    /** An application with these settings (on top of TestApps' test defaults: open registration, no rate limits). */
    public static BrowserSession start(Map<String, Object> settings) {
        return new BrowserSession(settings);
    }

    /**
     * Also in the PostgreSQL run ({@code pom.xml}'s {@code postgres} execution must include the class too), in an
     * empty schema of its own.
     */
    public BrowserSession onBothDatabases() {
        bothDatabases = true;
        return this;
    }

    /** Whether this machine can run browser tests; under {@code CI=true} they must (.ci/run installs Chromium). */
    public static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!available()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("chromium and chromium-driver are needed under CI=true (.ci/run)");
            }
            org.junit.jupiter.api.Assumptions.abort("chromium / chromium-driver not installed");
        }
        // Decision (docs/web.md#browser-tests): browser tests run on SQLite; the classes that show the stats views
        // (onBothDatabases) also on PostgreSQL, each in an empty schema of its own, as on SQLite. The others test
        // pages, not SQL, and a second run of every class would double their CI time.
        Map<String, Object> all = new java.util.LinkedHashMap<>(settings);
        if (org.tonearm.testsupport.TestDatabase.isPostgres()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(bothDatabases, "this browser test runs on SQLite only");
            pgSchema = "browser_" + java.util.UUID.randomUUID().toString().replace("-", "");
            try (var c = org.tonearm.testsupport.TestDatabase.connect(); var s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + pgSchema);
            }
            all.put("tonearm.db.url", org.tonearm.testsupport.TestDatabase.PG_URL + "?currentSchema=" + pgSchema);
        }
        app = TestApps.start(all);
        baseUrl = "http://127.0.0.1:" + app.context().getEnvironment().getProperty("local.server.port");
        driver = Chromium.of(context).driver;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (driver != null) {
                driver.get("about:blank"); // leaves the pages (their event streams) of this application
            }
        } finally {
            if (app != null) {
                app.close();
            }
            if (pgSchema != null) {
                try (var c = org.tonearm.testsupport.TestDatabase.connect(); var s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + pgSchema + " CASCADE");
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // as a fresh profile would be: the browser is shared by every test of the JVM
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", baseUrl, "storageTypes", "all"));
        desktop();
        colorScheme("light");
        drainLogs();
        requested.clear();
        consoleErrors.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Path dir = Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(dir);
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(context.getRequiredTestMethod().getName() + ".png"), png);
    }

    /**
     * The JVM's one Chromium, in JUnit's root store: started by the first browser class, quit when the store closes
     * at the end of the run (JUnit closes AutoCloseable values). Started again if it died.
     */
    private record Chromium(ChromeDriver driver, Path profile) implements AutoCloseable {

        static Chromium of(ExtensionContext context) {
            ExtensionContext.Store store = context.getRoot().getStore(SHARED);
            Chromium chromium = store.computeIfAbsent(Chromium.class, k -> start(), Chromium.class);
            try {
                chromium.driver.getWindowHandle();
            } catch (org.openqa.selenium.WebDriverException dead) {
                store.remove(Chromium.class);
                chromium.close();
                chromium = store.computeIfAbsent(Chromium.class, k -> start(), Chromium.class);
            }
            return chromium;
        }

        private static Chromium start() {
            try {
                Path profile = Files.createTempDirectory("tonearm-chromium-");
                return new Chromium(startChromium(profile), profile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } catch (org.openqa.selenium.WebDriverException gone) {
                // it had died already
            } finally {
                org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
            }
        }
    }

    private static ChromeDriver startChromium(Path profile) throws IOException {
        Path defaults = Files.createDirectories(profile.resolve("Default"));
        // BROWSER.md: without these, Chromium calls sign-in, the password leak check and safe browsing
        Files.writeString(defaults.resolve("Preferences"), """
                {"credentials_enable_service": false, "signin": {"allowed": false},
                 "profile": {"password_manager_enabled": false, "password_manager_leak_detection": false},
                 "safebrowsing": {"enabled": false}}""");
        String nowhere = "http://127.0.0.1:" + closedPort();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-features=PasswordLeakDetection,NetworkTimeServiceQuerying,Translate,OptimizationHints,"
                        + "MediaRouter,AutofillServerCommunication",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--component-updater=url-source=" + nowhere, "--gaia-url=" + nowhere,
                "--google-apis-url=" + nowhere, "--lso-url=" + nowhere,
                "--window-size=1280,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // an explicit driver: Selenium Manager would otherwise try to download one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- the application

    public TestApps.App app() {
        return app;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Registers an account through the API (open registration in tests) with the password {@code name + PASSWORD_SUFFIX}
     * and an email {@code name@example.test}; returns the name. The first account of an instance is its admin.
     */
    public String createUser(String name) {
        var r = app.api().post("/api/v1/auth/register",
                Map.of("username", name, "password", password(name), "email", name + "@example.test"));
        assertThat(r.status()).as("register %s: %s", name, r.body()).isEqualTo(201);
        return name;
    }

    public static String password(String name) {
        return name + PASSWORD_SUFFIX;
    }

    // --- navigation

    public BrowserSession open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /**
     * The first element matching, waiting for it to appear: after a form submit the answer page may still be loading
     * (a plain click does not wait for the navigation it starts).
     */
    public WebElement find(String css) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for a DOM condition (never for "network idle": pages with server-sent events never get there). */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        // htmx replaces live fragments (outerHTML): an element found a moment ago may be gone; look again
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    public void waitForPath(String path) {
        waitFor(d -> path().equals(path) || path().startsWith(path + "?"));
    }

    /** Fills the inputs named as the keys (clearing them first) and submits the form holding the first one. */
    public BrowserSession submit(Map<String, String> fields) {
        WebElement last = null;
        for (Map.Entry<String, String> f : new LinkedHashMap<>(fields).entrySet()) {
            last = find("[name='" + f.getKey() + "']");
            last.clear();
            last.sendKeys(f.getValue());
        }
        last.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
        return this;
    }

    /** Logs in through the login form (username or email) and waits for the dashboard. */
    public BrowserSession loginAs(String login, String password) {
        open("/login");
        submit(Map.of("login", login, "password", password));
        waitForPath("/");
        return this;
    }

    public BrowserSession loginAs(String username) {
        return loginAs(username, password(username));
    }

    public BrowserSession logout() {
        find("form.logout-form button[type=submit]").click();
        waitForPath("/login");
        return this;
    }

    // --- window sizes

    /** Desktop: a 1280×900 window, no device emulation. */
    public BrowserSession desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        return this;
    }

    /** A phone: 390×844 CSS px, device scale 3, touch, mobile viewport rules (meta viewport applies). */
    public BrowserSession phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        return this;
    }

    /** Emulates the system colour scheme ({@code prefers-color-scheme}): "light" or "dark". */
    public BrowserSession colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        return this;
    }

    /** Saves a screenshot now as {@code target/screenshots/<name>.png} (the one per test is taken automatically). */
    public void screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- checks

    /** Every check a page must pass: requests, console, accessibility. Call after the page has loaded. */
    public void checkPage() {
        assertAllRequestsToTonearm();
        assertNoConsoleErrors();
        assertAccessible();
    }

    /**
     * A page in the dark theme (issue #12 items 1 and 9): opened with the system set to dark, one h1, every check of
     * {@link #checkPage()} (axe-core's contrast rules included), the document in the dark colour scheme, saved as
     * {@code target/screenshots/dark/<name>.png} for a person to look at; then back to light. Each page class checks its
     * own pages so (no separate pass over every page with an application and data of its own).
     */
    public void checkDark(String name, String path) {
        colorScheme("dark").open(path);
        assertThat(findAll("h1")).as(path).hasSize(1);
        checkPage();
        assertThat(script("return getComputedStyle(document.documentElement).colorScheme")).as(path).asString()
                .contains("dark");
        screenshot("dark/" + name);
        colorScheme("light");
    }

    /**
     * Every request made since the test began (documents, assets, fetches, server-sent events) went to this
     * Tonearm. Reads Chromium's performance log ({@code Network.requestWillBeSent}).
     */
    public void assertAllRequestsToTonearm() {
        drainLogs();
        assertThat(requested).as("requests made by the pages").isNotEmpty();
        assertThat(requested).as("every request goes to Tonearm at %s", baseUrl)
                .allSatisfy(url -> assertThat(url.startsWith(baseUrl + "/") || url.startsWith("data:")
                        || url.equals("about:blank")).as(url).isTrue());
    }

    /** No error in the console since the test began: a CSP violation, a failed asset or a script error. */
    public void assertNoConsoleErrors() {
        drainLogs();
        assertThat(consoleErrors).as("console errors").isEmpty();
    }

    /** URLs requested since the test began. */
    public List<String> requestedUrls() {
        drainLogs();
        return List.copyOf(requested);
    }

    /**
     * axe-core, injected into the page (WebDriver script injection is not subject to the page's CSP, so the page's
     * CSP stays strict): no violation of impact serious or critical.
     */
    public void assertAccessible() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
                """);
        JsonNode violations = JSON.readTree(String.valueOf(result));
        List<String> serious = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asString("");
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(v.path("id").asString() + " (" + impact + "): " + v.path("help").asString() + " " + targets);
            }
        }
        assertThat(serious).as("serious or critical axe-core violations on %s", path()).isEmpty();
    }

    /**
     * At phone width (390 CSS px, {@link #phone()}) nothing is wider than the device: no horizontal scrolling.
     * Measured against the device width, not innerWidth, which Chromium's phone emulation widens to fit content.
     */
    public void assertNoHorizontalOverflow() {
        Object widest = driver.executeScript("""
                let max = document.documentElement.scrollWidth;
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && getComputedStyle(e).position !== 'fixed') max = Math.max(max, Math.ceil(r.right));
                }
                return max;""");
        assertThat(((Number) widest).intValue()).as("widest content on %s at %d px", path(), PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private void drainLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asString(""))) {
                requested.add(message.path("params").path("request").path("url").asString(""));
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            // a refused form is answered with its 4xx status and the page: Chromium logs that as a failed load of the
            // document itself, which is not an error of the page
            boolean refusedForm = entry.getMessage().startsWith(driver.getCurrentUrl() + " - Failed to load resource: "
                    + "the server responded with a status of 4");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !refusedForm) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    private static synchronized String axeSource() {
        if (axe == null) {
            axe = readAxe();
        }
        return axe;
    }

    private static String readAxe() {
        String path = new org.webjars.WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        try (InputStream in = path == null ? null : BrowserSession.class.getClassLoader().getResourceAsStream(path)) {
            if (path == null || in == null) {
                throw new IllegalStateException("axe-core WebJar missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a test that waits on something JavaScript computes. */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }
}
