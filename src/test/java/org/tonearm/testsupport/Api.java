package org.tonearm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client against the running test server (no mocks of our own stack). */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private static final HttpClient FOLLOWING = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean follow;

    public Api(int port) {
        this.port = port;
    }

    /** A copy of this client that sends {@code Authorization: <value>}. */
    public Api auth(String authorization) {
        return withHeader("Authorization", authorization);
    }

    /** A copy of this client that also sends {@code name: value}. */
    public Api withHeader(String name, String value) {
        Api copy = new Api(port);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        copy.follow = follow;
        return copy;
    }

    /** A copy of this client that follows redirects (for HTML pages). */
    public Api followRedirects() {
        Api copy = withHeader("Accept", "text/html,*/*");
        copy.follow = true;
        return copy;
    }

    public Api bearer(String token) {
        return auth("Bearer " + token);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, toJson(body), "application/json");
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, toJson(body), "application/json");
    }

    /** Sends a raw body with a content type, for malformed-input tests. */
    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = (follow ? FOLLOWING : CLIENT).send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers a fresh user (registration is open in tests) and returns a client authenticated as them.
     * Needs the identity module's {@code POST /api/v1/auth/register}.
     */
    public User newUser() {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Response r = post("/api/v1/auth/register", Map.of("username", name, "password", "correct horse battery " + name));
        if (r.status() != 201) {
            throw new IllegalStateException("register failed: " + r.status() + " " + r.body());
        }
        JsonNode json = r.json();
        return new User(json.path("user").path("id").asLong(), name, json.path("access_token").asString(),
                bearer(json.path("access_token").asString()));
    }

    public record User(long id, String username, String accessToken, Api api) {}

    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static String toJson(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }
}
