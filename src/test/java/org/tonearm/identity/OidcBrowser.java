package org.tonearm.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser, as far as a login needs one: keeps cookies, follows redirects by hand (so every hop can be looked at)
 * and fills in the provider's login form with its CSRF token. One instance is one browser profile: a fresh one has
 * no session at the provider.
 */
final class OidcBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /**
     * From the provider's authorization URL to the redirect back to Tonearm: logs {@code login} in at the provider's
     * form and returns the callback URL the provider sent the browser to (not yet visited).
     */
    URI logInAtProvider(URI authorizationUrl, String login, String password) {
        URI next = authorizationUrl;
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> r = get(next);
            if (r.statusCode() == 200 && r.body().contains("_csrf")) {
                r = submitLoginForm(next, r.body(), login, password);
            }
            if (r.statusCode() / 100 != 3) {
                throw new IllegalStateException("provider answered " + r.statusCode() + " at " + next + ": " + r.body());
            }
            next = next.resolve(r.headers().firstValue("Location").orElseThrow());
            if (next.getPath().endsWith("/callback")) {
                return next;
            }
        }
        throw new IllegalStateException("no redirect back to Tonearm");
    }

    private HttpResponse<String> submitLoginForm(URI page, String html, String login, String password) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the provider's login page");
        }
        String csrf = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + enc(login) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        return send(HttpRequest.newBuilder(page.resolve("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // a browser asks for HTML; the provider redirects only such requests to its login page
            return http.send(request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The query parameters of {@code uri}, decoded. */
    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
