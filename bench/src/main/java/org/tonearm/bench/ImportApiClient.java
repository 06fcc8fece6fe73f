package org.tonearm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of Tonearm's HTTP API the import benchmark uses, as a user would call them: register, create a
 * personal API token (no 1-hour expiry, whatever the import takes), upload a file to {@code POST /api/v1/imports}
 * as multipart (streamed from disk), and read the job.
 */
final class ImportApiClient {

    /** A job as {@code GET /api/v1/imports/{id}} shows it (docs/api.md#imports-and-exports). */
    record Job(long id, String status, long processed, long imported, long duplicates, long merged, long skipped,
            long failed, int skippedFiles, Long startedAtMs, Long finishedAtMs, String error) {

        boolean finished() {
            return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String authorization;

    ImportApiClient(String base) {
        this.base = base;
    }

    /** Registers {@code username} and switches to a personal API token with the listens scopes. */
    void signUp(String username) throws IOException, InterruptedException {
        JsonNode session = post("/api/v1/auth/register", Map.of("username", username,
                "password", "bench password " + username), 201);
        authorization = "Bearer " + session.get("access_token").stringValue();
        JsonNode token = post("/api/v1/me/tokens", Map.of("name", "import benchmark",
                "scopes", new String[] {"listens:write", "listens:read"}), 201);
        authorization = "Bearer " + token.get("token").stringValue();
    }

    /** Uploads {@code file} as the multipart part {@code file}; returns the queued job. */
    Job upload(Path file, String fileName) throws IOException, InterruptedException {
        String boundary = "----tonearm-bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/zip\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/imports"))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(30))
                .build();
        return job(expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 202));
    }

    Job job(long id) throws IOException, InterruptedException {
        return job(get("/api/v1/imports/" + id));
    }

    /** The job's error report (the first kept lines), for a look at what failed. */
    JsonNode errors(long id) throws IOException, InterruptedException {
        return get("/api/v1/imports/" + id + "/errors");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).GET().build();
        return expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 200);
    }

    private JsonNode post(String path, Object body, int status) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return expect(http.send(request.build(), HttpResponse.BodyHandlers.ofString()), status);
    }

    private static JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static Job job(JsonNode j) {
        return new Job(j.get("id").longValue(), j.get("status").stringValue(), j.get("processed").longValue(),
                j.get("imported").longValue(), j.get("duplicates").longValue(), j.get("merged").longValue(),
                j.get("skipped").longValue(), j.get("failed").longValue(), j.get("skipped_files").intValue(),
                instant(j.get("started_at")), instant(j.get("finished_at")),
                j.hasNonNull("error") ? j.get("error").stringValue() : null);
    }

    private static Long instant(JsonNode value) {
        return value == null || value.isNull() ? null : Instant.parse(value.stringValue()).toEpochMilli();
    }
}
