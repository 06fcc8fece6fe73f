package org.tonearm.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command line of {@link HttpIngestBenchmark}: {@code --db sqlite|postgres --mode all|ratio|scale|users --listens N
 * --clients N --batch N --rounds N --orders ordered,shuffled --base N --others N --others-listens N --warmup N
 * --artists N --users N --user-listens N --user-clients N --requests N --seed N --jar PATH --server-jvm "FLAGS" --keep}.
 */
record HttpBenchOptions(String db, String mode, int listens, int clients, int batch, int rounds, List<String> orders,
        int base, int others, int othersListens, int warmup, int artists, int users, int userListens, int userClients,
        int requests, long seed, Path jar, List<String> serverJvm, boolean keep) {

    static HttpBenchOptions parse(String[] args) {
        String db = "sqlite";
        String mode = "all";
        int listens = 40_000;
        int clients = 4;
        int batch = 1_000;
        int rounds = 3;
        List<String> orders = List.of("ordered", "shuffled");
        int base = 1_000_000;
        int others = 4;
        int othersListens = 50_000;
        int warmup = 20_000;
        int artists = 5_000;
        int users = 1_000;
        int userListens = 1_000;
        int userClients = 8;
        int requests = 100;
        long seed = 42;
        Path jar = Path.of("target/tonearm.jar");
        List<String> serverJvm = List.of("-Xmx256m");
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--db" -> { db = v.toLowerCase(Locale.ROOT); i++; }
                case "--mode" -> { mode = v; i++; }
                case "--listens" -> { listens = number(v); i++; }
                case "--clients" -> { clients = number(v); i++; }
                case "--batch" -> { batch = number(v); i++; }
                case "--rounds" -> { rounds = number(v); i++; }
                case "--orders" -> { orders = Arrays.asList(v.split(",")); i++; }
                case "--base" -> { base = number(v); i++; }
                case "--others" -> { others = number(v); i++; }
                case "--others-listens" -> { othersListens = number(v); i++; }
                case "--warmup" -> { warmup = number(v); i++; }
                case "--artists" -> { artists = number(v); i++; }
                case "--users" -> { users = number(v); i++; }
                case "--user-listens" -> { userListens = number(v); i++; }
                case "--user-clients" -> { userClients = number(v); i++; }
                case "--requests" -> { requests = number(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--jar" -> { jar = Path.of(v); i++; }
                case "--server-jvm" -> { serverJvm = Arrays.asList(v.trim().split("\\s+")); i++; }
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see HttpBenchOptions)");
            }
        }
        if (!db.equals("sqlite") && !db.equals("postgres")) {
            throw new IllegalArgumentException("--db must be sqlite or postgres");
        }
        if (!List.of("all", "ratio", "scale", "users").contains(mode)) {
            throw new IllegalArgumentException("--mode must be all, ratio, scale or users");
        }
        for (String o : orders) {
            if (!o.equals("ordered") && !o.equals("shuffled")) {
                throw new IllegalArgumentException("--orders takes ordered and/or shuffled");
            }
        }
        return new HttpBenchOptions(db, mode, listens, clients, batch, rounds, List.copyOf(orders), base, others,
                othersListens, warmup, artists, users, userListens, userClients, requests, seed, jar,
                List.copyOf(serverJvm), keep);
    }

    private static int number(String v) {
        return Integer.parseInt(v.replace("_", ""));
    }

    boolean ratio() {
        return mode.equals("all") || mode.equals("ratio") || mode.equals("scale");
    }

    boolean scale() {
        return mode.equals("all") || mode.equals("scale");
    }

    boolean manyUsers() {
        return mode.equals("all") || mode.equals("users");
    }
}
