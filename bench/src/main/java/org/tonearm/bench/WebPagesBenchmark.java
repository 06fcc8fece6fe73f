package org.tonearm.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.listens.ListenHistory;
import org.tonearm.listens.ListenJournal;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.NowPlayingService;
import org.tonearm.stats.Entity;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.Step;
import org.tonearm.stats.TopOrder;

/**
 * Web pages (issue #12 item 10; docs/performance.md "Web pages"): for one user with a large history, each page's
 * server time against the time of the stats façade calls it renders, measured in the same run, and the page's
 * transfer (compressed, all assets, first visit; second visit HTML only).
 *
 * <p>Page time: {@code GET /?range=R} over loopback HTTP with the session cookie, {@code Accept-Encoding: gzip},
 * until the last byte — security chain, session re-check, the façade calls, Thymeleaf, gzip. Stats time: the same
 * façade calls as the dashboard's {@code DashboardView} (range + live parts), in process. Both with the stats cache
 * off (the uncached path), interleaved request by request so machine noise hits both alike; medians.
 */
public final class WebPagesBenchmark {

    static final List<String> RANGES = List.of("this_month", "30d", "365d", "all_time");
    static final double TARGET = 1.2;
    static final long FIRST_VISIT_LIMIT = 400 * 1024;
    /** Under {@code /ui/}, which the web's 404 page covers (WebErrorController); {@code --only /ui} selects it. */
    static final String FIXED_COST_PAGE = "/ui/no-such-page";

    private WebPagesBenchmark() {}

    /** One page: its address and, to time against it, the façade calls its controller makes (null: none). */
    private record Case(String path, Runnable calls) {}

    public static void main(String[] args) throws Exception {
        StatsBenchOptions o = StatsBenchOptions.parse(args);
        System.out.printf(Locale.ROOT, "bench web db=%s listens=%d requests=%d java=%s cpus=%d%n", o.db(), o.listens(),
                o.requests(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        try (FreshDatabase db = o.reuse() != null ? FreshDatabase.existing(o.db(), o.reuse())
                : FreshDatabase.create(o.db(), "web", o.keep())) {
            // a long statement timeout: an uncached all_time view at 1M listens on a loaded machine can pass 10 s
            ConfigurableApplicationContext context = db.bootWeb(List.of("tonearm.stats.cache.enabled=false",
                    "tonearm.db.statement-timeout=120s",
                    "tonearm.registration=open", "tonearm.rate-limit.per-ip.capacity=1000000",
                    "tonearm.rate-limit.login-per-ip.capacity=1000000"));
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String password = "bench password 123";
            if (o.reuse() == null) {
                send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/register"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"webbench\",\"password\":\"" + password + "\"}")));
            }
            long user = context.getBean(org.tonearm.identity.UserDirectory.class).findByUsername("webbench").orElseThrow().id();
            if (o.reuse() == null) {
                StatsBenchmark.load(o, context.getBean(ListenService.class), user, db);
            } else {
                // a kept run's history (ten years ending on the day it loaded): loading 1,000,000 listens takes
                // 7-14 min on the shared machine, so repeated runs measure one loaded database
                System.out.printf(Locale.ROOT, "loaded nothing: reusing %s (user %d) (load %s)%n", db.describe(), user,
                        IngestBenchmark.load());
            }
            login(http, base, "webbench", password);
            StatsService stats = context.getBean(StatsService.class);
            NowPlayingService nowPlaying = context.getBean(NowPlayingService.class);
            ListenHistory recent = context.getBean(ListenHistory.class);
            IngestBenchmark.settle();
            ListenJournal journal = context.getBean(ListenJournal.class);
            long topArtist = stats.top(user, stats.resolve(user, RangeRequest.named("all_time")), Entity.ARTISTS,
                    TopOrder.PLAYS, 1, 0).items().getFirst().id();
            int lastYear = java.time.Year.now().getValue() - 1;
            List<Case> cases = new ArrayList<>();
            for (String range : RANGES) {
                cases.add(new Case("/?range=" + range, () -> dashboardCalls(stats, nowPlaying, recent, user, range)));
            }
            // the other pages (TopController, HistoryController, StatsPagesController): one façade call each
            cases.add(new Case("/top?kind=artists&range=365d", () -> stats.top(user,
                    stats.resolve(user, RangeRequest.named("365d")), Entity.ARTISTS, TopOrder.PLAYS, 50, 0)));
            cases.add(new Case("/top?kind=tracks&order=time&range=all_time", () -> stats.top(user,
                    stats.resolve(user, RangeRequest.named("all_time")), Entity.TRACKS, TopOrder.TIME, 50, 0)));
            cases.add(new Case("/history", () -> {
                stats.resolve(user, RangeRequest.named("today"));
                journal.page(user, new ListenJournal.Query(null, null, null, null, null, null, null, null, 50));
            }));
            cases.add(new Case("/artist/" + topArtist, () -> stats.entity(user,
                    stats.resolve(user, RangeRequest.named("all_time")), Entity.ARTISTS, topArtist)));
            cases.add(new Case("/discoveries?range=365d", () -> stats.discoveries(user,
                    stats.resolve(user, RangeRequest.named("365d")), Entity.ARTISTS, 50, 0)));
            cases.add(new Case("/streaks", () -> stats.streaks(user, stats.resolve(user, RangeRequest.named("all_time")))));
            cases.add(new Case("/year/" + lastYear, () -> stats.year(user, lastYear)));
            // the fixed cost of a page: a 404 in the layout (WebErrorController) through the same chain — security,
            // session re-check, layout, gzip — with no façade call; printed, not held to the ratio
            cases.add(new Case(FIXED_COST_PAGE, null));
            if (!o.only().isEmpty()) {
                // --only /history,/streaks: those pages alone (by path prefix), e.g. while a profiler records the server
                cases.removeIf(c -> o.only().stream().noneMatch(c.path()::startsWith));
            }
            boolean pass = true;
            // -Dbench.web.stats-first=true: each round runs the façade calls before the GET instead of after, to see
            // whether the second of the two profits from what the first left in the database's caches
            boolean statsFirst = Boolean.getBoolean("bench.web.stats-first");
            // -Dbench.web.warmup=N untimed rounds per page (3): with 3, the web path (Tomcat, security, MVC,
            // Thymeleaf) runs a few dozen times in all before it is timed, far below the JIT's compile thresholds,
            // while the façade calls share their code with every page
            int warmup = Integer.getInteger("bench.web.warmup", 3);
            System.out.println("untimed rounds per page: " + warmup);
            System.out.println("order: " + (statsFirst ? "stats calls, then the page" : "the page, then its stats calls"));
            for (Case c : cases) {
                if (c.calls() == null) {
                    long[] page = new long[o.requests()];
                    for (int i = -warmup; i < page.length; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = send(http, get(base + c.path()));
                        long t1 = System.nanoTime();
                        if (r.statusCode() != 404) {
                            throw new IllegalStateException("GET " + c.path() + " answered " + r.statusCode());
                        }
                        if (i >= 0) {
                            page[i] = t1 - t0;
                        }
                    }
                    System.out.printf(Locale.ROOT, "RESULT db=%s page=%s requests=%d fixed_p50_ms=%.2f (no stats call)%n",
                            o.db(), c.path(), page.length, median(page) / 1e6);
                    continue;
                }
                int n = o.requests();
                long[] page = new long[n];
                long[] query = new long[n];
                for (int i = -warmup; i < n; i++) { // untimed rounds: JIT, first plans
                    long s0 = System.nanoTime();
                    if (statsFirst) {
                        c.calls().run();
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = send(http, get(base + c.path()));
                    long t1 = System.nanoTime();
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("GET " + c.path() + " answered " + r.statusCode());
                    }
                    if (!statsFirst) {
                        c.calls().run();
                    }
                    long t2 = System.nanoTime();
                    if (i >= 0) {
                        page[i] = t1 - t0;
                        query[i] = statsFirst ? t0 - s0 : t2 - t1;
                    }
                }
                double p = median(page) / 1e6;
                double q = median(query) / 1e6;
                pass &= p / q <= TARGET;
                System.out.printf(Locale.ROOT, "RESULT db=%s page=%s requests=%d page_p50_ms=%.1f"
                        + " stats_p50_ms=%.1f ratio=%.3f target=%.1f %s%n", o.db(), c.path(), n, p, q, p / q, TARGET,
                        p / q <= TARGET ? "PASS" : "FAIL");
            }
            pass &= weight(http, base, o.db());
            System.out.println("RESULT db=" + o.db() + " overall=" + (pass ? "PASS" : "FAIL"));
        }
        System.exit(0);
    }

    /** The façade calls of the dashboard for one range: DashboardView.range(...) and DashboardView.live(...). */
    static void dashboardCalls(StatsService stats, NowPlayingService nowPlaying, ListenHistory recent, long user,
            String name) {
        StatsRange range = stats.resolve(user, RangeRequest.named(name));
        stats.dashboard(user, range, 5, 3);
        long days = Duration.between(range.from(), range.to()).toDays();
        stats.timeline(user, range, days <= 92 ? Step.DAY : days <= 731 ? Step.WEEK : Step.MONTH);
        stats.heatmap(user, range);
        stats.clock(user, range);
        stats.streaks(user, range);
        stats.resolve(user, RangeRequest.named("today"));
        nowPlaying.current(user);
        recent.page(user, null, null, 8, 0);
    }

    /** First visit: the HTML and every asset it references, compressed; second visit: assets must be cacheable. */
    private static boolean weight(HttpClient http, String base, String db) throws Exception {
        HttpResponse<byte[]> html = send(http, get(base + "/?range=365d"));
        String text = new String(gunzipIfNeeded(html), StandardCharsets.UTF_8);
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js|svg))\"").matcher(text);
        while (m.find()) {
            assets.add(m.group(1));
        }
        long total = html.body().length;
        boolean cacheable = true;
        List<String> lines = new ArrayList<>();
        for (String asset : assets) {
            HttpResponse<byte[]> r = send(http, get(base + asset));
            total += r.body().length;
            String cc = r.headers().firstValue("Cache-Control").orElse("");
            boolean hashed = asset.matches(".*-[0-9a-f]{32}\\.(css|js|svg)$");
            cacheable &= hashed && cc.contains("max-age=31536000");
            lines.add(String.format(Locale.ROOT, "  %s %d B (%s) %s", asset, r.body().length,
                    r.headers().firstValue("Content-Encoding").orElse("identity"), hashed ? "hashed" : "NOT HASHED"));
        }
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "RESULT db=%s page=/ first_visit_bytes=%d html_bytes=%d assets=%d limit=%d %s"
                        + " second_visit_bytes=%d assets_cacheable=%s%n", db, total, html.body().length, assets.size(),
                FIRST_VISIT_LIMIT, total < FIRST_VISIT_LIMIT ? "PASS" : "FAIL", html.body().length, cacheable);
        return total < FIRST_VISIT_LIMIT && cacheable;
    }

    private static byte[] gunzipIfNeeded(HttpResponse<byte[]> r) throws Exception {
        if (r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
                return in.readAllBytes();
            }
        }
        return r.body();
    }

    private static void login(HttpClient http, String base, String username, String password) throws Exception {
        String page = new String(gunzipIfNeeded(send(http, get(base + "/login"))), StandardCharsets.UTF_8);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on /login");
        }
        String form = "login=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<byte[]> r = send(http, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.headers().map());
        }
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").GET();
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
