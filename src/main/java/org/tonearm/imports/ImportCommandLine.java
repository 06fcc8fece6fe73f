package org.tonearm.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.identity.UserDirectory;
import org.tonearm.imports.internal.jobs.ImportJobService;
import org.tonearm.imports.internal.jobs.ImportJobView;
import org.tonearm.shared.TonearmException;

/**
 * {@code java -jar tonearm.jar import --user NAME [--format ID] PATH…} (docs/api.md#imports-and-exports "the CLI can import a file or folder
 * directly"). Every file (folders are walked, sorted) becomes an ordinary import job run by this process, so the
 * CLI and the API share one pipeline, one report and one exactly-once guarantee. A progress bar goes to stderr,
 * the report to stdout; the exit code is 0 when every job completed, else 1.
 *
 * <p>The application context is the normal one without a web server (the security configuration only loads in
 * web contexts), so the command never opens a port.
 */
public final class ImportCommandLine {

    private ImportCommandLine() {}

    /** Whether {@code args} ask for this command. */
    public static boolean matches(String[] args) {
        return args.length > 0 && args[0].equals("import");
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String user = null;
        String format = null;
        List<String> springArgs = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--logging.level.root=warn", "--spring.main.banner-mode=off"));
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--user" -> user = i + 1 < args.length ? args[++i] : null;
                case "--format" -> format = i + 1 < args.length ? args[++i] : null;
                default -> {
                    if (args[i].startsWith("--")) {
                        springArgs.add(args[i]); // --tonearm.data-dir=… and other settings pass through
                    } else {
                        paths.add(Path.of(args[i]));
                    }
                }
            }
        }
        if (user == null || paths.isEmpty()) {
            err.println("usage: tonearm import --user NAME [--format ID] PATH...");
            return 1;
        }
        try (ConfigurableApplicationContext context = SpringApplication.run(application, springArgs.toArray(String[]::new))) {
            return importAll(context, user, format, paths, out, err);
        }
    }

    private static int importAll(ConfigurableApplicationContext context, String username, String format,
            List<Path> paths, PrintStream out, PrintStream err) {
        var profile = context.getBean(UserDirectory.class).findByUsername(username);
        if (profile.isEmpty()) {
            err.println("no user named " + username);
            return 1;
        }
        long userId = profile.get().id();
        ImportJobService jobs = context.getBean(ImportJobService.class);
        List<Long> ids = new ArrayList<>();
        for (Path file : files(paths, err)) {
            try {
                ids.add(jobs.submitCopy(userId, file, format).id());
            } catch (TonearmException | IOException e) {
                err.println("skipped " + file + ": " + e.getMessage());
            }
        }
        List<ImportJobView> done = ImportProgressBar.follow(jobs, userId, ids, err);
        boolean allCompleted = !ids.isEmpty();
        for (ImportJobView job : done) {
            out.printf("%s: %s — %d imported, %d duplicates (%d merged), %d skipped, %d failed%s%n", job.fileName(),
                    job.status(), job.imported(), job.duplicates(), job.merged(), job.skipped(), job.failed(),
                    job.error() == null ? "" : " — " + job.error());
            jobs.errors(userId, job.id()).stream().limit(20).forEach(e -> out.printf("  %s row %d: %s%n",
                    e.entryName(), e.rowNumber(), e.reason()));
            allCompleted &= job.status().equals("completed");
        }
        return allCompleted ? 0 : 1;
    }

    private static List<Path> files(List<Path> paths, PrintStream err) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    err.println("cannot read folder " + path + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                err.println("no such file: " + path);
            }
        }
        return files;
    }
}
