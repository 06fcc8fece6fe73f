package org.tonearm.imports.internal.jobs;

import java.util.HashMap;
import java.util.Map;
import org.tonearm.catalog.NameKeys;
import org.tonearm.imports.RestoredListen;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListensProperties;

/**
 * Keeps the restored listens of one batch independent of each other. The funnel decides a batch in its canonical
 * order (by start time), not listen by listen, so two restored listens of the same track near in time could trade
 * reports inside one batch (one listen's absorbed report landing on its neighbour). A listen that could reach one
 * already waiting — same title, report times within the deduplication reach — starts a new batch instead, where
 * the earlier one is already stored with all its reports, exactly as when the listens were first recorded.
 *
 * <p>Conservative on purpose: the title alone (not the artist) and the widest reach (cross-source window plus the
 * track length and the end-stamp tolerance on both sides); a false alarm only makes a batch smaller.
 */
final class ReplayConflicts {

    private final long windowMs;
    /** Per title key: the latest time any waiting listen of that title can reach. */
    private final Map<String, Long> reachByTitle = new HashMap<>();

    ReplayConflicts(ListensProperties rules) {
        this.windowMs = Math.max(rules.crossSourceWindowMs(), rules.sameSourceWindowMs()) + rules.endStampToleranceMs();
    }

    /**
     * Whether {@code listen} could interact with a listen added since the last {@link #clear}. Listens arrive oldest
     * first, so comparing with the latest reach of its title is enough.
     */
    boolean touches(RestoredListen listen) {
        Long reach = reachByTitle.get(titleKey(listen));
        return reach != null && earliest(listen) - reach(listen) <= reach;
    }

    void add(RestoredListen listen) {
        reachByTitle.merge(titleKey(listen), latest(listen) + reach(listen), Math::max);
    }

    void clear() {
        reachByTitle.clear();
    }

    private long reach(RestoredListen listen) {
        Long length = listen.primary().credit().lengthMs();
        return windowMs + (length == null ? 0 : length);
    }

    private static String titleKey(RestoredListen listen) {
        return NameKeys.normalize(listen.primary().credit().title());
    }

    private static long earliest(RestoredListen listen) {
        long min = listen.primary().listenedAtMs();
        for (IncomingListen l : listen.absorbed()) {
            min = Math.min(min, l.listenedAtMs());
        }
        return min;
    }

    private static long latest(RestoredListen listen) {
        long max = listen.primary().listenedAtMs();
        for (IncomingListen l : listen.absorbed()) {
            max = Math.max(max, l.listenedAtMs());
        }
        return max;
    }
}
