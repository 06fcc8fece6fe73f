package org.tonearm.listens;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of docs/api.md#classification (all configurable, defaults as docs/api.md#classification states them).
 *
 * @param skipBelowMs            played less than this is a SKIP (30 s)
 * @param skipBelowFraction      played less than this share of the length is a SKIP (20 %)
 * @param shortTrackMs           tracks shorter than this (30 s) use {@code shortTrackFullFraction} instead
 * @param shortTrackFullFraction a short track is a SKIP below this share (80 %), else FULL
 * @param fullFromFraction       from this share of the length a play is FULL (80 %)
 * @param halfWeightBelowFraction a PARTIAL below this share (50 %) and below {@code halfWeightBelowMs} weighs 0.5
 * @param halfWeightBelowMs      4 minutes
 * @param sameSourceWindowMs     one source's repeats within this (2 s) are the same play
 * @param crossSourceWindowMs    another source's play within this (5 min) is the same play
 * @param endStampToleranceMs    or when the gap is the track length within this (30 s): one stamped the end
 */
@ConfigurationProperties("tonearm.listens")
public record ListensProperties(Long skipBelowMs, Double skipBelowFraction, Long shortTrackMs,
        Double shortTrackFullFraction, Double fullFromFraction, Double halfWeightBelowFraction, Long halfWeightBelowMs,
        Long sameSourceWindowMs, Long crossSourceWindowMs, Long endStampToleranceMs) {

    public ListensProperties {
        skipBelowMs = skipBelowMs == null ? 30_000L : skipBelowMs;
        skipBelowFraction = skipBelowFraction == null ? 0.20 : skipBelowFraction;
        shortTrackMs = shortTrackMs == null ? 30_000L : shortTrackMs;
        shortTrackFullFraction = shortTrackFullFraction == null ? 0.80 : shortTrackFullFraction;
        fullFromFraction = fullFromFraction == null ? 0.80 : fullFromFraction;
        halfWeightBelowFraction = halfWeightBelowFraction == null ? 0.50 : halfWeightBelowFraction;
        halfWeightBelowMs = halfWeightBelowMs == null ? 240_000L : halfWeightBelowMs;
        sameSourceWindowMs = sameSourceWindowMs == null ? 2_000L : sameSourceWindowMs;
        crossSourceWindowMs = crossSourceWindowMs == null ? 300_000L : crossSourceWindowMs;
        endStampToleranceMs = endStampToleranceMs == null ? 30_000L : endStampToleranceMs;
    }

    public static ListensProperties defaults() {
        return new ListensProperties(null, null, null, null, null, null, null, null, null, null);
    }
}
