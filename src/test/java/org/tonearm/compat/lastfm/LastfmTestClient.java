package org.tonearm.compat.lastfm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.Api.Response;
import org.tonearm.testsupport.Api.User;

/** Talks to Tonearm's Last.fm API the way clients do: form-encoded POST or GET query, with an api_key. */
final class LastfmTestClient {

    static final String PATH = "/apis/lastfm/2.0/";
    /** A client's built-in key, unknown to Tonearm. */
    static final String FOREIGN_API_KEY = "0123456789abcdef0123456789abcdef";

    private final Api api;
    private final String path;

    LastfmTestClient(Api api) {
        this(api, PATH);
    }

    LastfmTestClient(Api api, String path) {
        this.api = api;
        this.path = path;
    }

    static Map<String, String> params(String... pairs) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("api_key", FOREIGN_API_KEY);
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    Response post(Map<String, String> params) {
        return api.send("POST", path, form(params), "application/x-www-form-urlencoded");
    }

    Response get(Map<String, String> params) {
        return api.get(path + "?" + form(params));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A new API token of {@code user} (all scopes unless given). */
    static String apiToken(User user, String... scopes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "scrobbler");
        if (scopes.length > 0) {
            body.put("scopes", java.util.List.of(scopes));
        }
        Response r = user.api().post("/api/v1/me/tokens", body);
        if (r.status() != 201) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
        return r.json().path("token").asString();
    }

    static String password(User user) {
        return "correct horse battery " + user.username();
    }

    /** A session key of {@code user}, obtained with auth.getMobileSession and one of their API tokens. */
    String sessionKey(User user) {
        return sessionKeyWith(user, apiToken(user));
    }

    String sessionKeyWith(User user, String secret) {
        Response r = post(params("method", "auth.getMobileSession", "username", user.username(), "password", secret,
                "format", "json"));
        if (r.status() != 200) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
        return r.json().path("session").path("key").asString();
    }

    static Response postWithCookie(int port, String path, String body, String cookie) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
