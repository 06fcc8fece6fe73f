package org.tonearm.stats;

/**
 * A figure against the previous period (docs/api.md#statistics): {@code percent} = (current − previous) ÷ previous × 100, null when
 * the previous value is 0.
 */
public record Change(double previous, Double percent) {

    public static Change of(double current, double previous) {
        return new Change(previous, previous == 0 ? null : (current - previous) / previous * 100.0);
    }
}
