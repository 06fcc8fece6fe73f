package org.tonearm.listens;

/**
 * docs/api.md#classification classification of one play from its played duration and the track length.
 * Public so that corrections (PATCH) and imports classify exactly like the funnel.
 */
public final class Classifier {

    /** A classification with its weight: plays count {@code weight}, skips count 0 but are kept. */
    public record Verdict(Classification classification, double weight) {
        static final Verdict FULL = new Verdict(Classification.FULL, 1.0);
        static final Verdict SKIP = new Verdict(Classification.SKIP, 0.0);
        static final Verdict PARTIAL_HALF = new Verdict(Classification.PARTIAL, 0.5);
        static final Verdict PARTIAL_WHOLE = new Verdict(Classification.PARTIAL, 1.0);
    }

    private final ListensProperties rules;

    public Classifier(ListensProperties rules) {
        this.rules = rules;
    }

    public Verdict classify(Long playedMs, Long lengthMs) {
        // unknown played duration: clients submit only after their own scrobble rule
        if (playedMs == null) {
            return Verdict.FULL;
        }
        long played = playedMs;
        boolean lengthKnown = lengthMs != null && lengthMs > 0;
        if (lengthKnown && lengthMs < rules.shortTrackMs()) {
            // a track shorter than 30 s cannot be played 30 s: SKIP below 80 % of it
            return (double) played / lengthMs < rules.shortTrackFullFraction() ? Verdict.SKIP : Verdict.FULL;
        }
        if (played < rules.skipBelowMs()) {
            return Verdict.SKIP;
        }
        if (!lengthKnown) {
            return Verdict.FULL;
        }
        // a correctly rounded quotient equals the threshold literal exactly at the boundary (20 % of 200 s = 40 s)
        double share = (double) played / lengthMs;
        if (share < rules.skipBelowFraction()) {
            return Verdict.SKIP;
        }
        if (share >= rules.fullFromFraction()) {
            return Verdict.FULL;
        }
        boolean half = share < rules.halfWeightBelowFraction() && played < rules.halfWeightBelowMs();
        return half ? Verdict.PARTIAL_HALF : Verdict.PARTIAL_WHOLE;
    }
}
