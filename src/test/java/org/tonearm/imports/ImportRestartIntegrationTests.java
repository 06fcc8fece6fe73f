package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.lines;
import static org.tonearm.imports.Uploads.utf8;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tonearm.TonearmApplication;
import org.tonearm.testsupport.Api;

/**
 * Issue #16 item 4 against the real application in a JVM of its own ({@link TonearmApplication#main}, the class
 * the jar starts, on the test class path so the slow test format is there): SIGTERM (Process#destroy) in the middle
 * of an import while an upload is still being sent. The upload is answered 202 before the process exits, the job
 * is checkpointed and handed back (queued, unclaimed, its counters equal to the rows stored) within the
 * graceful-shutdown window, and the next start of the same node resumes it at once and ends with exact counts:
 * 0 lost, 0 doubled. kill -9 and the node's own claims taken back at start: {@link ImportResumeIntegrationTests}.
 */
class ImportRestartIntegrationTests {

    private static final long JAN_2024 = 1_704_067_200L;
    /** Spring's spring.lifecycle.timeout-per-shutdown-phase (30 s) bounds the shutdown; ours is far below it. */
    private static final long GRACEFUL_WINDOW_MS = 30_000;
    private static final int CRAWLING = 2_000;

    private final ScratchDatabase db = new ScratchDatabase();
    private final List<Process> children = new ArrayList<>();
    private final List<File> logs = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        db.drop();
    }

    @Test
    void sigtermMidImportHandsTheJobBackFinishesTheRequestInFlightAndTheNextStartCompletesItExactly() throws Exception {
        int port = freePort();
        Process first = startChild(port, true);
        Api api = new Api(port);
        Api.User importer = api.newUser();
        Api.User uploader = api.newUser();
        long job = Uploads.upload(port, importer.accessToken(), "big.testlines", utf8(slowFile()), null)
                .json().path("id").asLong();
        awaitCheckpoint(job, 1_400); // past the fast part, well inside the slow one

        try (Socket inFlight = new Socket("127.0.0.1", port)) {
            inFlight.setSoTimeout(60_000);
            byte[] upload = multipart(uploader.accessToken(), utf8(lines(10, JAN_2024 + 50_000_000)));
            OutputStream out = inFlight.getOutputStream();
            int half = upload.length / 2;
            out.write(upload, 0, half);
            out.flush();
            Thread.sleep(300); // the request is being read by the server: in flight

            long sigterm = System.nanoTime();
            first.destroy(); // SIGTERM
            Thread.sleep(1_000);
            assertThat(first.isAlive()).as("still serving the request in flight a second after SIGTERM").isTrue();
            out.write(upload, half, upload.length - half);
            out.flush();
            String answer = readResponse(inFlight.getInputStream());
            assertThat(answer).as("the upload in flight at SIGTERM is answered").startsWith("HTTP/1.1 202");

            assertThat(first.waitFor(GRACEFUL_WINDOW_MS, TimeUnit.MILLISECONDS))
                    .as("exited within the graceful-shutdown window").isTrue();
            long shutdownMs = (System.nanoTime() - sigterm) / 1_000_000;
            System.out.println("SIGTERM to exit: " + shutdownMs + " ms (including the 1 s upload tail)");
        }

        Map<String, Object> handedBack = job(job);
        assertThat(handedBack.get("status")).as("handed back to the queue").isEqualTo("queued");
        assertThat(handedBack.get("claimed_by")).isNull();
        // queued, not completed: the file's last row (5,004) was never reached
        assertThat((Long) handedBack.get("checkpoint_row")).as("checkpointed mid-way").isBetween(1_400L, 5_000L);
        assertThat(listenCount(importer.id())).as("the checkpoint counts exactly the rows stored")
                .isEqualTo((Long) handedBack.get("imported"));
        assertThat(queuedJobsOf(uploader.id())).as("the job of the upload answered 202 is stored").isEqualTo(1);

        long restart = System.nanoTime();
        startChild(port, false);
        awaitStatus(job, "completed", 120_000);
        System.out.println("restart to completed: " + (System.nanoTime() - restart) / 1_000_000 + " ms");
        Map<String, Object> done = job(job);
        assertThat(done.get("imported")).as("imported").isEqualTo(3_000L);
        assertThat(done.get("skipped")).isEqualTo(2L);
        assertThat(done.get("failed")).isEqualTo(2L);
        assertThat(done.get("errors")).as("error lines").isEqualTo(2L);
        assertThat(listenCount(importer.id())).as("0 lost, 0 doubled").isEqualTo(3_000L);
        assertThat(distinctListenTimes(importer.id())).isEqualTo(3_000L);
        long uploaded = awaitOnlyJobOf(uploader.id());
        assertThat(job(uploaded).get("imported")).isEqualTo(10L);
        assertThat(listenCount(uploader.id())).isEqualTo(10L);
    }

    /** 1,000 quick rows, a skipped and a bad one, then {@link #CRAWLING} rows read slowly (5 ms each), and two more. */
    private static String slowFile() {
        StringBuilder sb = new StringBuilder(lines(1_000, JAN_2024)).append("#skip\nbad row\n");
        for (int i = 0; i < CRAWLING; i++) {
            sb.append("#crawl 5\n").append("Late ").append(i % 13).append("|Tune ").append(i).append('|')
                    .append(JAN_2024 + 10_000_000 + i * 300L).append("|180000\n");
        }
        return sb.append("#skip\nanother bad row\n").toString();
    }

    private Process startChild(int port, boolean crawl) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-D" + TestLinesFormat.CRAWL_PROPERTY + "=" + crawl,
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                TonearmApplication.class.getName(),
                "--server.port=" + port, "--tonearm.registration=open", "--tonearm.imports.poll-interval=200ms",
                "--tonearm.imports.batch-size=200", "--spring.jmx.enabled=false",
                "--logging.level.root=warn", "--logging.level.org.tonearm=info"));
        db.properties().forEach((k, v) -> cmd.add("--" + k + "=" + v));
        File log = File.createTempFile("tonearm-restart-", ".log");
        logs.add(log);
        // another working directory, as ImportResumeIntegrationTests explains (Liquibase's changelog paths)
        Process p = new ProcessBuilder(cmd).directory(log.getParentFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        children.add(p);
        awaitUp(port, p, log);
        return p;
    }

    private static void awaitUp(int port, Process process, File log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(process.isAlive()).as("child JVM alive: %s", tail(log)).isTrue();
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("child application did not start: " + tail(log));
    }

    private static String tail(File log) {
        try {
            String s = Files.readString(log.toPath());
            return s.substring(Math.max(0, s.length() - 3_000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** POST /api/v1/imports as raw HTTP/1.1 bytes, so the test decides when the body's second half is sent. */
    private static byte[] multipart(String accessToken, byte[] content) throws IOException {
        String boundary = "b0123456789";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"small.testlines\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(("POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + accessToken
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.size()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeTo(request);
        return request.toByteArray();
    }

    private static String readResponse(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private void awaitCheckpoint(long jobId, long row) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while ((Long) job(jobId).get("checkpoint_row") < row) {
            assertThat(System.currentTimeMillis()).as("checkpoint %d reached: %s", row, logs.isEmpty() ? ""
                    : tail(logs.getLast())).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitStatus(long jobId, String status, long ms) throws Exception {
        long deadline = System.currentTimeMillis() + ms;
        while (!job(jobId).get("status").equals(status)) {
            assertThat(System.currentTimeMillis()).as("job %d %s: %s", jobId, status, tail(logs.getLast()))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long awaitOnlyJobOf(long userId) throws Exception {
        try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery(
                "select id from import_jobs where user_id = " + userId)) {
            assertThat(r.next()).isTrue();
            long id = r.getLong(1);
            assertThat(r.next()).as("one job").isFalse();
            awaitStatus(id, "completed", 60_000);
            return id;
        }
    }

    private Map<String, Object> job(long id) throws Exception {
        try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery(
                "select status, claimed_by, imported, skipped, failed, checkpoint_row,"
                        + " (select count(*) from import_errors e where e.job_id = j.id) as errors"
                        + " from import_jobs j where id = " + id)) {
            assertThat(r.next()).isTrue();
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("status", r.getString(1));
            m.put("claimed_by", r.getString(2));
            m.put("imported", r.getLong(3));
            m.put("skipped", r.getLong(4));
            m.put("failed", r.getLong(5));
            m.put("checkpoint_row", r.getLong(6));
            m.put("errors", r.getLong(7));
            return m;
        }
    }

    private long queuedJobsOf(long userId) throws Exception {
        return count("select count(*) from import_jobs where status = 'queued' and user_id = " + userId);
    }

    private long listenCount(long userId) throws Exception {
        return count("select count(*) from listens where user_id = " + userId);
    }

    private long distinctListenTimes(long userId) throws Exception {
        return count("select count(distinct listened_at) from listens where user_id = " + userId);
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
