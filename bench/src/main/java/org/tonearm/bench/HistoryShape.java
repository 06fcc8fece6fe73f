package org.tonearm.bench;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.TimeStamp;

/**
 * Prints the shape of a generated history (no database): per-user counts and time span, classification
 * shares by docs/api.md#listens, second-source share, plays per hour of day, the top artists' share of plays.
 * Run: {@code ./mvnw -B -Pbench test-compile exec:java -Dexec.mainClass=org.tonearm.bench.HistoryShape
 * -Dexec.classpathScope=test -Dexec.args="100000"}.
 */
public final class HistoryShape {

    private HistoryShape() {}

    public static void main(String[] args) {
        int listens = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long[] users = {1, 2, 3, 4, 5};
        SyntheticCatalog catalog = new SyntheticCatalog(5_000, "", 42);
        List<List<IncomingListen>> batches = new HistoryGenerator(catalog, 42).batches(users, listens);
        Map<Long, long[]> perUser = new HashMap<>(); // count, first, last
        Map<String, Integer> classes = new HashMap<>();
        Map<String, Integer> artistPlays = new HashMap<>();
        int[] hours = new int[24];
        int second = 0;
        for (List<IncomingListen> batch : batches) {
            for (IncomingListen in : batch) {
                long start = in.stamp() == TimeStamp.END && in.durationPlayedMs() != null
                        ? in.listenedAtMs() - in.durationPlayedMs() : in.listenedAtMs();
                long[] u = perUser.computeIfAbsent(in.userId(), k -> new long[] {0, Long.MAX_VALUE, 0});
                u[0]++;
                u[1] = Math.min(u[1], start);
                u[2] = Math.max(u[2], start);
                Long length = in.credit().lengthMs() != null ? in.credit().lengthMs() : lengthOf(catalog, in);
                classes.merge(ListenRow.classify(in.durationPlayedMs(), length), 1, Integer::sum);
                hours[(int) (Math.floorMod(start, ListenerStream.DAY_MS) / 3_600_000L)]++;
                artistPlays.merge(in.credit().artist(), 1, Integer::sum);
                if (!in.channel().equals(ListenerProfile.forUser((int) in.userId() - 1).main().channel())
                        || in.service() != ListenerProfile.forUser((int) in.userId() - 1).main().service()) {
                    second++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d listens in %d batches, %d tracks in catalog%n", listens, batches.size(),
                catalog.tracks.size());
        perUser.forEach((id, u) -> System.out.printf(Locale.ROOT, "user %d: %d listens, %s .. %s%n", id, u[0],
                Instant.ofEpochMilli(u[1]), Instant.ofEpochMilli(u[2])));
        classes.forEach((c, n) -> System.out.printf(Locale.ROOT, "%s: %.2f %%%n", c, 100.0 * n / listens));
        System.out.printf(Locale.ROOT, "sent again by a second source: %.2f %%%n", 100.0 * second / listens);
        List<Integer> top = artistPlays.values().stream().sorted((a, b) -> b - a).toList();
        System.out.printf(Locale.ROOT, "artists played: %d; top 1 %% of catalog artists (50) have %.1f %% of plays,"
                + " top 10 %% have %.1f %%%n", top.size(), 100.0 * top.stream().limit(50).mapToInt(i -> i).sum() / listens,
                100.0 * top.stream().limit(500).mapToInt(i -> i).sum() / listens);
        StringBuilder h = new StringBuilder("plays by hour (UTC):");
        for (int i = 0; i < 24; i++) {
            h.append(String.format(Locale.ROOT, " %02d:%.1f%%", i, 100.0 * hours[i] / listens));
        }
        System.out.println(h);
    }

    private static Long lengthOf(SyntheticCatalog catalog, IncomingListen in) {
        return catalog.tracks.stream().filter(t -> t.title().equals(in.credit().title())
                && catalog.artists.get(t.artistIndex()).name().equals(in.credit().artist()))
                .findFirst().map(SyntheticCatalog.Track::lengthMs).orElse(null);
    }
}
