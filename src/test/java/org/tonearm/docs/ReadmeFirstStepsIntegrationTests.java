package org.tonearm.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The README's "First steps" work as written: its {@code bash} blocks run, unchanged except for the port, with
 * bash, curl and jq against a freshly started, empty Tonearm with the default settings (registration closed), the
 * way a newcomer pastes them. A README edit that breaks a command breaks this test.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadmeFirstStepsIntegrationTests {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String README_BASE = "BASE=http://localhost:3000";

    @Test
    void aNewcomerGetsFromAnEmptyInstanceToAListenReadBackAndAnImportedFile(@TempDir Path dataDir, @TempDir Path workDir,
            CapturedOutput output) throws Exception {
        if (!(onPath("curl") && onPath("jq"))) {
            assertThat(System.getenv("CI")).as("the README's commands need curl and jq, CI must have them").isNotEqualTo("true");
            Assumptions.abort("the README's commands need curl and jq");
        }
        List<String> blocks = firstStepsBlocks();
        try (ConfigurableApplicationContext app = startEmptyInstance(dataDir)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

            // the last start-up line says where Tonearm answers and, on an empty instance, how to begin
            String lastLine = lastLine(output.getOut());
            assertThat(lastLine).contains("Tonearm is ready on http://localhost:" + port)
                    .contains("no account yet").contains("/api/v1/auth/register");

            Script result = run(script(blocks, port), workDir);

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("\"role\":\"ADMIN\"").contains("{\"status\":\"ok\"}")
                    .contains("\"format\": \"tonearm_csv\"");
            // read back twice: through the ListenBrainz API and through Tonearm's own
            assertThat(result.output().split("Digital Love", -1)).hasSize(3);

            // the import the README started completes with both rows
            Api admin = loggedIn(new Api(port));
            long importId = admin.get("/api/v1/imports").json().path("imports").get(0).path("id").asLong();
            JsonNode job = awaitFinished(admin, importId);
            assertThat(job.path("status").asString()).isEqualTo("completed");
            assertThat(job.path("imported").asLong()).isEqualTo(2);
            assertThat(admin.get("/api/v1/listens?limit=10").json().path("listens")).hasSize(3);
        }
    }

    /** The {@code bash} blocks between "## First steps" and the next section, in order. */
    static List<String> firstStepsBlocks() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## First steps");
        assertThat(start).as("README.md has a First steps section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).isNotEmpty();
        assertThat(blocks.getFirst()).contains(README_BASE);
        return blocks;
    }

    /**
     * The blocks as one script: the README's port replaced by the test server's, and curl failing on an HTTP
     * error status (with the answer's body) so a command that does not work stops the script.
     */
    private static String script(List<String> blocks, int port) {
        StringBuilder script = new StringBuilder("set -euo pipefail\n")
                .append("curl() { command curl --fail-with-body \"$@\"; }\n");
        for (String block : blocks) {
            script.append(block.replace(README_BASE, "BASE=http://localhost:" + port)).append("\necho\n");
        }
        return script.toString();
    }

    private record Script(int exitCode, String output) {}

    private static Script run(String script, Path workDir) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", script).directory(workDir.toFile())
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Script(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Tonearm with its defaults (registration closed) on a database nobody else uses: the instance is empty. */
    private static ConfigurableApplicationContext startEmptyInstance(Path dataDir) throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("tonearm.data-dir", dataDir.toString());
        if (TestDatabase.isPostgres()) {
            TestDatabase.jdbcUrl(); // skips (or fails under CI=true) when PostgreSQL is not reachable
            String schema = "t_readme_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, "")) {
                c.createStatement().execute("create schema " + schema);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(schema)));
            props.put("tonearm.db.url", TestDatabase.PG_URL + "?currentSchema=" + schema);
            props.put("tonearm.db.user", TestDatabase.PG_USER);
            props.put("tonearm.db.password", "");
        }
        props.put("server.port", "0");
        props.put("spring.jmx.enabled", "false");
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(TonearmApplication.class).run(args);
    }

    private static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, "")) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        } catch (Exception ignored) {
            // best effort at JVM exit
        }
    }

    private static Api loggedIn(Api api) {
        Api.Response login = api.post("/api/v1/auth/login",
                Map.of("username", "admin", "password", "correct horse battery staple"));
        assertThat(login.status()).isEqualTo(200);
        return api.bearer(login.json().path("access_token").asString());
    }

    private static JsonNode awaitFinished(Api api, long importId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode job = api.get("/api/v1/imports/" + importId).json();
        while (List.of("queued", "running").contains(job.path("status").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            job = api.get("/api/v1/imports/" + importId).json();
        }
        return job;
    }

    private static String lastLine(String log) {
        String[] lines = log.strip().split("\\R");
        return lines[lines.length - 1];
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
