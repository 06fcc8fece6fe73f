package org.tonearm.listens.internal.dedup;

import java.util.ArrayList;
import java.util.List;
import org.tonearm.listens.Channel;
import org.tonearm.listens.ListensProperties;
import org.tonearm.listens.Service;

/**
 * Builders for deduplication tests, and a tiny in-memory "database" that persists decisions the way the
 * repository does (created rows get ids; merged rows keep their absorbed stamps), so a second batch is decided
 * against what the first one stored.
 */
final class DedupFixtures {

    static final long T0 = 1_700_000_000_000L;
    static final long LENGTH = 200_000L;

    private DedupFixtures() {}

    static PreparedListen listen(int index, long track, long startMs, Service service, Channel channel) {
        return listen(index, 1, track, startMs, service, channel, null, 180_000L);
    }

    static PreparedListen listen(int index, long user, long track, long startMs, Service service, Channel channel,
            String externalId, Long playedMs) {
        return new PreparedListen(index, user, track, null, LENGTH,
                new SourceStamp(startMs, playedMs, service, channel, null, null, externalId, null), null);
    }

    /** Stored rows between batches. */
    static final class Store {
        private final List<WorkingListen> rows = new ArrayList<>();
        private long nextId = 1;

        List<Decision> ingest(List<PreparedListen> batch) {
            Deduplicator d = new Deduplicator(ListensProperties.defaults(), reload());
            List<Decision> decisions = d.decideAll(batch);
            for (WorkingListen created : d.created()) {
                created.assignId(nextId++);
                rows.add(created);
            }
            return decisions;
        }

        /** What a fresh query would load: the stored state, as stored candidates. */
        private List<WorkingListen> reload() {
            List<WorkingListen> loaded = new ArrayList<>();
            List<WorkingListen> replaced = new ArrayList<>();
            for (WorkingListen r : rows) {
                List<SourceStamp> absorbed = new ArrayList<>(r.stamps().subList(1, r.stamps().size()));
                WorkingListen copy = new WorkingListen(r.id(), r.userId(), r.trackId(), r.albumId(), r.trackLengthMs(),
                        r.primary(), r.extraJson(), r.mergeCount(), absorbed, true);
                loaded.add(copy);
                replaced.add(copy);
            }
            rows.clear();
            rows.addAll(replaced);
            return loaded;
        }

        /** Comparable snapshot of every stored row. */
        List<String> snapshot() {
            return rows.stream()
                    .map(r -> r.id() + ":" + r.userId() + ":" + r.trackId() + ":" + r.primary() + ":" + r.mergeCount()
                            + ":" + r.stamps().stream().map(SourceStamp::toString).sorted().toList())
                    .sorted().toList();
        }

        int size() {
            return rows.size();
        }
    }
}
