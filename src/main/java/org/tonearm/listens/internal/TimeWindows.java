package org.tonearm.listens.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The time spans a batch's deduplication candidates can lie in: [start − reach, start + reach] merged. */
final class TimeWindows {

    private TimeWindows() {}

    /** Sorted, non-overlapping {from, to} pairs (inclusive) covering every start ± reach. */
    static List<long[]> around(long[] starts, long reach) {
        long[] sorted = starts.clone();
        Arrays.sort(sorted);
        List<long[]> windows = new ArrayList<>();
        for (long start : sorted) {
            long from = start - reach;
            long to = start + reach;
            long[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = Math.max(last[1], to);
            } else {
                windows.add(new long[] {from, to});
            }
        }
        return windows;
    }
}
