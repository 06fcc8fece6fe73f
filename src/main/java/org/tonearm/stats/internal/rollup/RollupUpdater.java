package org.tonearm.stats.internal.rollup;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tonearm.listens.ListensChanged;
import org.tonearm.listens.ListensChanged.Fact;

/**
 * Keeps the rollups exact in the writer's transaction (docs/architecture.md "Statistics stay above listens"): a plain,
 * synchronous {@link EventListener}, so an exception here rolls the listens write back. The batch's deltas are summed
 * in memory per (day, track, album) and (day, hour) first, so a batch costs a few statements, not one per listen
 * (issue 11 item 9: ingest keeps ≥ 0.85 of its throughput).
 *
 * <p>{@code tonearm.stats.rollups.enabled} (default true) is a benchmark/operations switch only: false skips this
 * maintenance so bench/ can measure ingest without it (StatsBenchmark {@code --mode ingest-ratio}). With it off the
 * rollups — and so every statistics view — silently go wrong until {@code stats rebuild}; never set it in production.
 */
@Component
class RollupUpdater {

    private final RollupRepository rollups;
    private final boolean enabled;

    RollupUpdater(RollupRepository rollups, @Value("${tonearm.stats.rollups.enabled:true}") boolean enabled) {
        this.rollups = rollups;
        this.enabled = enabled;
    }

    @EventListener
    void on(ListensChanged change) {
        if (!enabled) {
            return;
        }
        Map<RollupRepository.DayTrack, Delta> tracks = new HashMap<>();
        Map<RollupRepository.DayHour, Delta> hours = new HashMap<>();
        change.removed().forEach(f -> add(tracks, hours, f, -1));
        change.added().forEach(f -> add(tracks, hours, f, 1));
        tracks.values().removeIf(Delta::isZero); // a merge that changed nothing the rollups hold
        hours.values().removeIf(Delta::isZero);
        if (!tracks.isEmpty()) {
            rollups.applyDayTrack(change.userId(), tracks);
        }
        if (!hours.isEmpty()) {
            rollups.applyDayHour(change.userId(), hours);
        }
        if (!change.removed().isEmpty()) {
            TreeSet<Integer> days = new TreeSet<>();
            change.removed().forEach(f -> days.add(f.localDay()));
            rollups.deleteEmpty(change.userId(), days);
        }
    }

    private static void add(Map<RollupRepository.DayTrack, Delta> tracks, Map<RollupRepository.DayHour, Delta> hours,
            Fact f, int sign) {
        long album = f.albumId() == null ? 0 : f.albumId();
        tracks.computeIfAbsent(new RollupRepository.DayTrack(f.localDay(), f.trackId(), album), k -> new Delta())
                .add(f, sign);
        hours.computeIfAbsent(new RollupRepository.DayHour(f.localDay(), f.localHour()), k -> new Delta()).add(f, sign);
    }
}
