package org.tonearm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line of {@link StatsBenchmark}: {@code --mode views|ingest-ratio --db sqlite|postgres --listens N
 * --requests N --clients N --artists N --batch N --seed N --keep}. In {@code ingest-ratio} mode every option but
 * {@code --mode} goes to {@link BenchOptions} (the ingest benchmark's own), so its defaults apply there.
 */
record StatsBenchOptions(String mode, String db, int listens, int requests, int clients, int artists, int batch,
        long seed, boolean keep, String[] ingestArgs) {

    static StatsBenchOptions parse(String[] args) {
        String mode = "views";
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--mode")) {
                mode = args[i + 1];
            }
        }
        String db = "sqlite";
        int listens = 1_000_000;
        int requests = 200;
        int clients = 16;
        int artists = 5_000;
        int batch = 1_000;
        long seed = 42;
        boolean keep = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            if (args[i].equals("--mode")) {
                i++;
                continue;
            }
            rest.add(args[i]);
            switch (args[i]) {
                case "--db" -> db = value.toLowerCase(Locale.ROOT);
                case "--listens" -> listens = Integer.parseInt(value.replace("_", ""));
                case "--requests" -> requests = Integer.parseInt(value.replace("_", ""));
                case "--clients" -> clients = Integer.parseInt(value);
                case "--artists" -> artists = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value.replace("_", ""));
                case "--seed" -> seed = Long.parseLong(value);
                case "--keep" -> { }
                default -> {
                    if (!mode.equals("ingest-ratio")) {
                        throw new IllegalArgumentException("unknown option " + args[i] + " (see StatsBenchOptions)");
                    }
                }
            }
            if (args[i].equals("--keep")) {
                keep = true;
            } else if (i + 1 < args.length) {
                rest.add(value);
                i++;
            }
        }
        if (!mode.equals("views") && !mode.equals("ingest-ratio")) {
            throw new IllegalArgumentException("--mode must be views or ingest-ratio");
        }
        if (!db.equals("sqlite") && !db.equals("postgres")) {
            throw new IllegalArgumentException("--db must be sqlite or postgres");
        }
        if (requests < 1 || clients < 1) {
            throw new IllegalArgumentException("--requests and --clients must be at least 1");
        }
        return new StatsBenchOptions(mode, db, listens, requests, clients, artists, batch, seed, keep,
                rest.toArray(String[]::new));
    }
}
