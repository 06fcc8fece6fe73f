package org.tonearm.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;

/** Multipart uploads and import-file builders for the import tests (a real HTTP client, like {@link Api}). */
public final class Uploads {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Uploads() {}

    /** POST /api/v1/imports with a {@code file} part (when {@code fileName} is not null) and an optional format. */
    public static Api.Response upload(int port, String accessToken, String fileName, byte[] content, String format) {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (format != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n" + format
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (fileName != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the job until it is no longer queued or running. */
    public static JsonNode awaitFinished(Api api, long jobId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonNode job = api.get("/api/v1/imports/" + jobId).json();
            String status = job.path("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return job;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job " + jobId + " still " + status);
            }
            sleep(100);
        }
    }

    /**
     * Waits until no thread of job {@code jobId} is left in this JVM (the server runs in the test's JVM): its
     * reading thread ({@code import-<id>-read}) and its committing thread ({@code import-<id>-ingest}).
     */
    static void awaitNoJobThreads(long jobId) {
        String prefix = "import-" + jobId + "-";
        long deadline = System.currentTimeMillis() + 10_000;
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(prefix) && t.isAlive())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("a thread of import job " + jobId + " is still alive");
            }
            sleep(50);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} distinct plays, one per line, 4 minutes apart from {@code startSeconds}. */
    static String lines(int count, long startSeconds) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append("Artist ").append(i % 37).append('|').append("Song ").append(i).append('|')
                    .append(startSeconds + i * 240L).append("|200000\n");
        }
        return sb.toString();
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
