package org.tonearm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A native-API client as a self-hoster's script would be (JDK HttpClient, HTTP/1.1, one shared client for all
 * threads): signs a user up, makes a personal API token, posts batches to {@code POST /api/v1/listens} and reads
 * {@code GET /api/v1/listens} and a statistics view.
 */
final class ListensApiClient {

    /** The batch answer's counters (docs/api.md#listen-shapes). */
    record BatchAnswer(int created, int merged, int duplicates, int failed) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ListensApiClient(String base) {
        this.base = base;
    }

    /** Registers {@code username}; returns {@code Bearer <personal API token>} with the listens and stats scopes. */
    String signUp(String username) throws IOException, InterruptedException {
        JsonNode session = send(json("/api/v1/auth/register", Map.of("username", username,
                "password", "bench password " + username), null), 201);
        String bearer = "Bearer " + session.get("access_token").stringValue();
        JsonNode token = send(json("/api/v1/me/tokens", Map.of("name", "scale benchmark",
                "scopes", new String[] {"listens:write", "listens:read", "stats:read"}), bearer), 201);
        return "Bearer " + token.get("token").stringValue();
    }

    /** One batch; a 207 or 400 (some or all items refused) fails the run, as it would be a benchmark bug. */
    BatchAnswer post(String authorization, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/listens"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        JsonNode answer = send(request, 200);
        return new BatchAnswer(answer.get("created").intValue(), answer.get("merged").intValue(),
                answer.get("duplicates").intValue(), answer.get("failed").intValue());
    }

    /** A GET answered 200, its body discarded after reading; returns the status. */
    int get(String authorization, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Authorization", authorization).timeout(Duration.ofMinutes(2)).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return response.statusCode();
    }

    private HttpRequest json(String path, Object body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private JsonNode send(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + abbreviate(response.body()));
        }
        return JSON.readTree(response.body());
    }

    /** The refused items of a batch answer (207/400), else the body's start. */
    private static String abbreviate(String s) {
        try {
            JsonNode body = JSON.readTree(s);
            if (body.has("results")) {
                StringBuilder refused = new StringBuilder();
                for (JsonNode r : body.get("results")) {
                    if (r.has("error") && refused.length() < 600) {
                        refused.append(r).append(' ');
                    }
                }
                return refused.toString();
            }
        } catch (RuntimeException notJson) {
            // fall through
        }
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
