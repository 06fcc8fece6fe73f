package org.tonearm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tonearm from its jar as a process of its own, as an operator runs it: a fixed heap ({@code -Xmx256m} by
 * default), {@code -XX:+ExitOnOutOfMemoryError} (an out-of-memory ends the process, so it cannot go unnoticed)
 * and a GC log; its memory and CPU are read from {@code /proc} (Linux). Started with {@code java -jar} and only the
 * given flags (the JVM's defaults otherwise), or through a launcher script named by the system property
 * {@code bench.server.launcher} (e.g. {@code bin/tonearm}, with its default JVM options; run.sh scripts pass
 * {@code SERVER_LAUNCHER}).
 */
final class TonearmServer implements AutoCloseable {

    /** What the server's JVM used: peak resident set, CPU, and the heap live after each collection. */
    record Usage(long peakRssKb, double cpuSeconds, long maxHeapAfterGcMb, int collections, int fullCollections,
            boolean outOfMemory) {}

    private static final Pattern AFTER_GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    final String base;
    private final Process process;
    private final Path log;
    private final Path gcLog;

    private TonearmServer(String base, Process process, Path log, Path gcLog) {
        this.base = base;
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
    }

    /** Starts the jar on {@code database} and waits until it answers its liveness probe. */
    static TonearmServer start(Path jar, List<String> jvmFlags, FreshDatabase database, Path logDir)
            throws IOException, InterruptedException {
        return start(jar, jvmFlags, database, logDir, List.of());
    }

    /** {@link #start(Path, List, FreshDatabase, Path)} with more application properties ({@code name=value}). */
    static TonearmServer start(Path jar, List<String> jvmFlags, FreshDatabase database, Path logDir,
            List<String> properties) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve("server.log");
        Path gcLog = logDir.resolve("gc.log");
        List<String> jvm = new ArrayList<>(jvmFlags);
        jvm.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog));
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command);
        String launcher = System.getProperty("bench.server.launcher", "java");
        if (launcher.equals("java")) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            // a launcher script such as bin/tonearm, as an operator starts Tonearm (issue #19 item 6): its own default
            // JVM options and environment (MALLOC_ARENA_MAX) apply, ours come after them in JAVA_OPTS and win.
            // It must exec the JVM, so that the process measured here is the JVM itself.
            command.add(Path.of(launcher).toAbsolutePath().toString());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("TONEARM_JAR", jar.toAbsolutePath().toString());
            builder.environment().put("JAVA_OPTS", String.join(" ", jvm));
        }
        command.addAll(List.of("--server.port=" + port, "--tonearm.registration=open", "--spring.main.banner-mode=off",
                "--logging.level.root=warn", "--logging.level.org.tonearm.imports=info"));
        database.databaseProperties().forEach(p -> command.add("--" + p));
        properties.forEach(p -> command.add("--" + p));
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TonearmServer server = new TonearmServer("http://127.0.0.1:" + port, process, log, gcLog);
        server.awaitLive();
        return server;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Resident set now, in kB (0 once the process is gone). */
    long rssKb() {
        return status("VmRSS:");
    }

    /** Peak resident set, CPU time so far, and what the GC log says about the heap. */
    Usage usage() throws IOException {
        long maxAfter = 0;
        int collections = 0;
        int full = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = AFTER_GC.matcher(line);
                if (m.find()) {
                    collections++;
                    maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
                    if (line.contains("Pause Full")) {
                        full++;
                    }
                }
            }
        }
        boolean oom = !process.isAlive() || Files.readString(log).contains("OutOfMemoryError");
        return new Usage(status("VmHWM:"), cpuSeconds(), maxAfter, collections, full, oom);
    }

    /** User + system CPU seconds of the server process so far (from /proc/PID/stat). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return 0;
    }

    private void awaitLive() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest live = HttpRequest.newBuilder(URI.create(base + "/health/live")).timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited during start-up:\n" + logTail(40));
            }
            try {
                if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become live within 4 minutes:\n" + logTail(40));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM (graceful shutdown), then a kill if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
