package org.tonearm.stats;

/**
 * The figures docs/api.md#statistics defines for a set of listens: {@code plays} = listens that are not SKIP, {@code weightedPlays}
 * = sum of their weights, {@code listeningTimeMs} = played durations (track length where unknown, that part is
 * {@code estimatedTimeMs}), {@code skips} = SKIP listens; skip rate = skips ÷ all listens.
 */
public record Figures(long plays, double weightedPlays, long skips, long listeningTimeMs, long estimatedTimeMs) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0, 0);

    /** skips ÷ all listens (plays + skips); 0 when there is no listen. */
    public double skipRate() {
        long all = plays + skips;
        return all == 0 ? 0 : (double) skips / all;
    }

    /** The share of the listening time estimated from track lengths (0..1). */
    public double estimatedShare() {
        return listeningTimeMs == 0 ? 0 : (double) estimatedTimeMs / listeningTimeMs;
    }

    public Figures plus(Figures o) {
        return new Figures(plays + o.plays, weightedPlays + o.weightedPlays, skips + o.skips,
                listeningTimeMs + o.listeningTimeMs, estimatedTimeMs + o.estimatedTimeMs);
    }
}
