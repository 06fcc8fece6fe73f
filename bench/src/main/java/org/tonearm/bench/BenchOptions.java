package org.tonearm.bench;

import java.util.Locale;

/**
 * Command line of {@link IngestBenchmark}: {@code --db sqlite|postgres --listens N --warmup N --users N
 * --artists N --threads N --batch N --mode all|funnel|raw --seed N --keep}.
 */
record BenchOptions(String db, int listens, int warmup, int users, int artists, int threads, int batch, String mode,
        long seed, boolean keep) {

    static BenchOptions parse(String[] args) {
        String db = "sqlite";
        int listens = 1_000_000;
        int warmup = 20_000;
        int users = 5;
        int artists = 5_000;
        int threads = 1;
        int batch = 1_000;
        String mode = "all";
        long seed = 42;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--db" -> { db = value.toLowerCase(Locale.ROOT); i++; }
                case "--listens" -> { listens = Integer.parseInt(value.replace("_", "")); i++; }
                case "--warmup" -> { warmup = Integer.parseInt(value.replace("_", "")); i++; }
                case "--users" -> { users = Integer.parseInt(value); i++; }
                case "--artists" -> { artists = Integer.parseInt(value); i++; }
                case "--threads" -> { threads = Integer.parseInt(value); i++; }
                case "--batch" -> { batch = Integer.parseInt(value.replace("_", "")); i++; }
                case "--mode" -> { mode = value; i++; }
                case "--seed" -> { seed = Long.parseLong(value); i++; }
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see BenchOptions)");
            }
        }
        if (!db.equals("sqlite") && !db.equals("postgres")) {
            throw new IllegalArgumentException("--db must be sqlite or postgres");
        }
        if (!mode.equals("all") && !mode.equals("funnel") && !mode.equals("raw")) {
            throw new IllegalArgumentException("--mode must be all, funnel or raw");
        }
        if (threads < 1 || threads > users) {
            throw new IllegalArgumentException("--threads must be between 1 and --users");
        }
        return new BenchOptions(db, listens, warmup, users, artists, threads, batch, mode, seed, keep);
    }

    boolean funnel() {
        return !mode.equals("raw");
    }

    boolean raw() {
        return !mode.equals("funnel");
    }
}
