package org.tonearm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line of {@link StatsBenchmark}: {@code --mode views|ingest-ratio --db sqlite|postgres --listens N
 * --requests N --clients N --artists N --batch N --seed N --keep --reuse DIR|SCHEMA --only view_range,…}: {@code --only} measures only those cells (e.g.
 * {@code heatmap_365d,top_artists_7d}), for a profile; {@code --reuse} measures the
 * database a {@code --keep} run left (its SQLite data directory or PostgreSQL schema; pending changesets run on boot)
 * instead of loading a new one, and keeps it. In {@code ingest-ratio} mode every option but
 * {@code --mode} goes to {@link BenchOptions} (the ingest benchmark's own), so its defaults apply there.
 */
record StatsBenchOptions(String mode, String db, int listens, int requests, int clients, int artists, int batch,
        long seed, boolean keep, String reuse, java.util.Set<String> only, String[] ingestArgs) {

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
        String reuse = null;
        java.util.Set<String> only = java.util.Set.of();
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
                case "--reuse" -> reuse = value;
                case "--only" -> only = java.util.Set.of(value.split(","));
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
        return new StatsBenchOptions(mode, db, listens, requests, clients, artists, batch, seed, keep || reuse != null,
                reuse, only, rest.toArray(String[]::new));
    }
}
