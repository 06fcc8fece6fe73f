package org.tonearm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as far as cookies go (one instance is one browser profile): keeps its cookies like a browser (path,
 * expiry), never follows redirects (each hop is looked at), and can sign in on the web login form with its CSRF
 * token. For the OAuth connect flows, whose callback must come from the browser that started them (issue 13).
 */
public final class WebBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private volatile String acceptLanguage;

    public WebBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A fresh browser signed in on the web as {@code user} (registered by {@link Api#newUser()}). */
    public static WebBrowser signedIn(int port, Api.User user) {
        return signedIn(port, user, null);
    }

    /** The same, for a browser set to {@code acceptLanguage} (e.g. "fr-FR,fr;q=0.9"), sent on every request. */
    public static WebBrowser signedIn(int port, Api.User user, String acceptLanguage) {
        WebBrowser browser = new WebBrowser(port);
        browser.acceptLanguage = acceptLanguage;
        Matcher csrf = CSRF.matcher(browser.get("/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "login=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode("correct horse battery " + user.username(), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        Api.Response r = browser.send(HttpRequest.newBuilder(URI.create(browser.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = r.header("Location");
        if (r.status() / 100 != 3 || location == null || location.contains("error")) {
            throw new IllegalStateException("web login failed: " + r.status() + " " + location);
        }
        return browser;
    }

    /** GET a path, or an absolute URL of this instance as it names itself (its host is replaced by the test server). */
    public Api.Response get(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The value of the cookie this browser would send to {@code path}, or null. */
    public String cookie(String name, String path) {
        return cookies.getCookieStore().get(URI.create(base + path)).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Puts a cookie in this browser's jar, as another site's script cannot but a test of a forged one must. */
    public void setCookie(String name, String value, String path) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + path), cookie);
    }

    private Api.Response send(HttpRequest.Builder request) {
        try {
            if (acceptLanguage != null) {
                request.header("Accept-Language", acceptLanguage);
            }
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
