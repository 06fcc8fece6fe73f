package org.tonearm.stats.internal.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.tonearm.stats.Figures;
import org.tonearm.stats.TopOrder;

/**
 * The top lists' order ({@link TopQuery#order}: plays or time descending, then the other figure, then id ascending)
 * over items summed in memory (the dashboard). Neither answer sorts every item: the dashboard needs five of ~20,000
 * tracks over 365 days at a million listens, and sorting both periods' items for each kind took a third of its
 * statistics time (JFR, docs/performance.md "Session 12").
 */
final class Ranking {

    private Ranking() {}

    /** Negative when item a ranks before item b. */
    static int compare(TopOrder order, long idA, Figures a, long idB, Figures b) {
        long first = order == TopOrder.PLAYS ? b.plays() - a.plays() : b.listeningTimeMs() - a.listeningTimeMs();
        if (first != 0) {
            return first < 0 ? -1 : 1;
        }
        long second = order == TopOrder.PLAYS ? b.listeningTimeMs() - a.listeningTimeMs() : b.plays() - a.plays();
        if (second != 0) {
            return second < 0 ? -1 : 1;
        }
        return Long.compare(idA, idB);
    }

    static int compare(TopOrder order, Map.Entry<Long, Figures> a, Map.Entry<Long, Figures> b) {
        return compare(order, a.getKey(), a.getValue(), b.getKey(), b.getValue());
    }

    /** The first {@code limit} items in order: a heap of {@code limit} items, not a sort of all of them. */
    static List<Map.Entry<Long, Figures>> first(Map<Long, Figures> items, TopOrder order, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // the heap's head is the worst item kept, so that a better one can replace it
        PriorityQueue<Map.Entry<Long, Figures>> kept = new PriorityQueue<>(limit + 1, (a, b) -> compare(order, b, a));
        for (Map.Entry<Long, Figures> e : items.entrySet()) {
            if (kept.size() < limit) {
                kept.add(e);
            } else if (compare(order, e, kept.peek()) < 0) {
                kept.poll();
                kept.add(e);
            }
        }
        List<Map.Entry<Long, Figures>> out = new ArrayList<>(kept);
        out.sort((a, b) -> compare(order, a, b));
        return out;
    }

    /**
     * The 1-based ranks of some items among all {@code items} (absent when not among them): each item's rank is one
     * more than the number of items ranked before it, counted in one pass with a binary search among the wanted ones.
     */
    static Map<Long, Integer> ranksOf(Collection<Long> ids, Map<Long, Figures> items, TopOrder order) {
        List<Map.Entry<Long, Figures>> wanted = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Figures f = items.get(id);
            if (f != null) {
                wanted.add(Map.entry(id, f));
            }
        }
        Map<Long, Integer> out = new HashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        wanted.sort((a, b) -> compare(order, a, b));
        int[] before = new int[wanted.size() + 1]; // before[p]: items ranked before wanted p but not before wanted p-1
        for (Map.Entry<Long, Figures> e : items.entrySet()) {
            int lo = 0;
            int hi = wanted.size();
            while (lo < hi) { // the first wanted item that e ranks before
                int mid = (lo + hi) >>> 1;
                if (compare(order, e, wanted.get(mid)) < 0) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            before[lo]++;
        }
        int count = 0;
        for (int p = 0; p < wanted.size(); p++) {
            count += before[p];
            out.put(wanted.get(p).getKey(), count + 1);
        }
        return out;
    }
}
