package org.tonearm.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command line of {@link ImportBenchmark}: {@code --db sqlite|postgres --rows N --seed N --artists N
 * --mode all|import|raw|generate|parse --batch N --jar PATH --server-jvm "FLAGS" --out DIR --keep}.
 *
 * @param batch      the import's rows per batch and commit ({@code tonearm.imports.batch-size}, default 1,000);
 *                   the raw baseline commits the same batches
 * @param serverJvm  flags of the server's JVM, split on spaces (default {@code -Xmx256m})
 * @param out        where generated zips (reused across runs of the same rows/seed/artists) and server logs go
 */
record ImportBenchOptions(String db, int rows, long seed, int artists, String mode, int batch, Path jar,
        List<String> serverJvm, Path out, boolean keep) {

    static ImportBenchOptions parse(String[] args) {
        String db = "sqlite";
        int rows = 1_000_000;
        long seed = 42;
        int artists = 5_000;
        String mode = "all";
        int batch = 1_000;
        Path jar = Path.of("target/tonearm.jar");
        String serverJvm = "-Xmx256m";
        Path out = Path.of("target/bench-imports");
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--db" -> { db = value.toLowerCase(Locale.ROOT); i++; }
                case "--rows" -> { rows = Integer.parseInt(value.replace("_", "")); i++; }
                case "--seed" -> { seed = Long.parseLong(value); i++; }
                case "--artists" -> { artists = Integer.parseInt(value); i++; }
                case "--mode" -> { mode = value; i++; }
                case "--batch" -> { batch = Integer.parseInt(value); i++; }
                case "--jar" -> { jar = Path.of(value); i++; }
                case "--server-jvm" -> { serverJvm = value; i++; }
                case "--out" -> { out = Path.of(value); i++; }
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see ImportBenchOptions)");
            }
        }
        if (!db.equals("sqlite") && !db.equals("postgres")) {
            throw new IllegalArgumentException("--db must be sqlite or postgres");
        }
        if (!List.of("all", "import", "raw", "generate", "parse").contains(mode)) {
            throw new IllegalArgumentException("--mode must be all, import, raw, generate or parse");
        }
        if (rows < 100) {
            throw new IllegalArgumentException("--rows must be at least 100");
        }
        List<String> flags = Arrays.stream(serverJvm.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
        return new ImportBenchOptions(db, rows, seed, artists, mode, batch, jar, flags, out, keep);
    }

    boolean runImport() {
        return mode.equals("all") || mode.equals("import");
    }

    boolean runRaw() {
        return mode.equals("all") || mode.equals("raw");
    }

    /** The generated export for these options: the same rows, seed and catalog give the same file. */
    Path zip() {
        return out.resolve("spotify-extended-" + rows + "-seed" + seed + "-artists" + artists + "-"
                + SpotifyExportWriter.VERSION + ".zip");
    }
}
