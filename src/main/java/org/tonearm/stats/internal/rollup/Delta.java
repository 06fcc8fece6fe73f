package org.tonearm.stats.internal.rollup;

import org.tonearm.listens.ListensChanged.Fact;

/**
 * Accumulated change of one rollup row. docs/api.md#statistics: plays = listens that are not SKIP, listening time = played duration
 * or, where unknown, the track length (the estimated part), of plays only; skips count apart for the skip rate.
 */
final class Delta {

    long plays;
    double weighted;
    long skips;
    long time;
    long estimated;
    /** The earliest added play (epoch ms), null without one: only the all-time rollup keeps it. */
    Long firstAt;

    void add(Fact f, int sign) {
        if (sign > 0 && !f.skip() && (firstAt == null || f.listenedAt() < firstAt)) {
            firstAt = f.listenedAt();
        }
        if (f.skip()) {
            skips += sign;
            return;
        }
        plays += sign;
        weighted += sign * f.weight();
        long length = f.trackLengthMs() == null ? 0 : f.trackLengthMs();
        if (f.durationPlayedMs() != null) {
            time += sign * f.durationPlayedMs();
        } else {
            time += sign * length;
            estimated += sign * length;
        }
    }

    /** Adds another accumulated change (not its first play). */
    void plus(Delta d) {
        plays += d.plays;
        weighted += d.weighted;
        skips += d.skips;
        time += d.time;
        estimated += d.estimated;
    }

    boolean isZero() {
        return plays == 0 && weighted == 0 && skips == 0 && time == 0 && estimated == 0;
    }
}
