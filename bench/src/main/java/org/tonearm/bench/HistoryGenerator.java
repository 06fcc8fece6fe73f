package org.tonearm.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tonearm.listens.IncomingListen;

/**
 * A deterministic synthetic listening history (same seed, same listens) for several users over a shared
 * catalog with power-law (Zipf s = 1.1) artist popularity. See {@link ListenerStream} for the shape of one
 * user's history and {@link ListenerProfile} for the sources.
 *
 * <p>Batches hold one user's consecutive listens (as one client or import submits them) and the users'
 * batches are interleaved round-robin, as concurrent clients would arrive.
 */
final class HistoryGenerator {

    static final int BATCH_SIZE = 1_000;
    /** Spread of every user's history: six years ending before the machine's present. */
    static final long FIRST_DAY = LocalDate.of(2019, 6, 1).toEpochDay();
    static final int DAYS = 6 * 365;
    /** Users listen unequally: the first listens most. */
    private static final double[] USER_SHARES = {0.3, 0.25, 0.2, 0.15, 0.1};

    private final SyntheticCatalog catalog;
    private final long seed;

    HistoryGenerator(SyntheticCatalog catalog, long seed) {
        this.catalog = catalog;
        this.seed = seed;
    }

    SyntheticCatalog catalog() {
        return catalog;
    }

    /** {@code total} listens in batches of {@link #BATCH_SIZE}, spread over {@code userIds}. */
    List<List<IncomingListen>> batches(long[] userIds, int total) {
        return batches(userIds, total, BATCH_SIZE);
    }

    /** {@code total} listens in batches of {@code batchSize} (one user's consecutive listens each). */
    List<List<IncomingListen>> batches(long[] userIds, int total, int batchSize) {
        ZipfSampler popularity = new ZipfSampler(catalog.artists.size(), 1.1);
        List<List<List<IncomingListen>>> perUser = new ArrayList<>();
        int assigned = 0;
        for (int u = 0; u < userIds.length; u++) {
            int count = u == userIds.length - 1 ? total - assigned : (int) Math.round(total * share(u, userIds.length));
            assigned += count;
            ListenerStream stream = stream(userIds[u], u, popularity, count, FIRST_DAY, DAYS);
            List<List<IncomingListen>> batches = new ArrayList<>();
            for (int done = 0; done < count; done += batchSize) {
                int size = Math.min(batchSize, count - done);
                List<IncomingListen> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    batch.add(stream.next());
                }
                batches.add(batch);
            }
            perUser.add(batches);
        }
        return interleave(perUser);
    }

    /**
     * One user's history as a stream ({@code count} listens over {@code days} days from epoch day {@code firstDay}),
     * for a driver that must not hold the whole history in memory (the statistics benchmark at -Xmx256m).
     */
    ListenerStream stream(long userId, int userIndex, long count, long firstDay, int days) {
        return stream(userId, userIndex, new ZipfSampler(catalog.artists.size(), 1.1), count, firstDay, days);
    }

    private ListenerStream stream(long userId, int userIndex, ZipfSampler popularity, long count, long firstDay,
            int days) {
        return new ListenerStream(userId, userIndex, catalog, popularity, firstDay, days, count, seed * 31 + userIndex);
    }

    private static double share(int user, int users) {
        if (users > USER_SHARES.length) {
            return 1.0 / users;
        }
        double sum = 0;
        for (int i = 0; i < users; i++) {
            sum += USER_SHARES[i];
        }
        return USER_SHARES[user] / sum;
    }

    private static List<List<IncomingListen>> interleave(List<List<List<IncomingListen>>> perUser) {
        List<List<IncomingListen>> out = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean any = false;
            for (List<List<IncomingListen>> batches : perUser) {
                if (round < batches.size()) {
                    out.add(batches.get(round));
                    any = true;
                }
            }
            if (!any) {
                return out;
            }
        }
    }
}
