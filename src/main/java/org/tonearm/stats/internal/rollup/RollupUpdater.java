package org.tonearm.stats.internal.rollup;

import java.time.LocalDate;
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
        Map<Integer, Delta> days = new HashMap<>();
        Map<RollupRepository.TrackAlbum, Delta> totals = new HashMap<>();
        Map<RollupRepository.WeekHour, Delta> weekHours = new HashMap<>();
        change.removed().forEach(f -> add(tracks, hours, days, totals, f, -1));
        change.added().forEach(f -> add(tracks, hours, days, totals, f, 1));
        hours.forEach((k, d) -> weekHours.computeIfAbsent(
                new RollupRepository.WeekHour(LocalDate.ofEpochDay(k.day()).getDayOfWeek().getValue(), k.hour()),
                w -> new Delta()).plus(d));
        weekHours.values().removeIf(Delta::isZero);
        tracks.values().removeIf(Delta::isZero); // a merge that changed nothing the rollups hold
        hours.values().removeIf(Delta::isZero);
        days.values().removeIf(Delta::isZero);
        totals.values().removeIf(Delta::isZero);
        if (!tracks.isEmpty()) {
            rollups.applyDayTrack(change.userId(), tracks);
        }
        if (!hours.isEmpty()) {
            rollups.applyDayHour(change.userId(), hours);
        }
        if (!days.isEmpty()) {
            rollups.applyDay(change.userId(), days);
        }
        if (!totals.isEmpty()) {
            rollups.applyTrack(change.userId(), totals);
        }
        if (!weekHours.isEmpty()) {
            rollups.applyHour(change.userId(), weekHours);
        }
        if (!change.removed().isEmpty()) {
            TreeSet<Integer> removedDays = new TreeSet<>();
            TreeSet<Long> removedTracks = new TreeSet<>();
            change.removed().forEach(f -> {
                removedDays.add(f.localDay());
                removedTracks.add(f.trackId());
            });
            rollups.deleteEmpty(change.userId(), removedDays);
            rollups.deleteEmptyTracks(change.userId(), removedTracks);
            Map<RollupRepository.TrackAlbum, Long> removedPlays = new HashMap<>();
            change.removed().stream().filter(f -> !f.skip()).forEach(f -> removedPlays.merge(
                    new RollupRepository.TrackAlbum(f.trackId(), f.albumId() == null ? 0 : f.albumId()),
                    f.listenedAt(), Math::min));
            if (!removedPlays.isEmpty()) {
                rollups.recomputeFirst(change.userId(), removedPlays);
            }
        }
    }

    private static void add(Map<RollupRepository.DayTrack, Delta> tracks, Map<RollupRepository.DayHour, Delta> hours,
            Map<Integer, Delta> days, Map<RollupRepository.TrackAlbum, Delta> totals, Fact f, int sign) {
        long album = f.albumId() == null ? 0 : f.albumId();
        days.computeIfAbsent(f.localDay(), k -> new Delta()).add(f, sign);
        totals.computeIfAbsent(new RollupRepository.TrackAlbum(f.trackId(), album), k -> new Delta()).add(f, sign);
        tracks.computeIfAbsent(new RollupRepository.DayTrack(f.localDay(), f.trackId(), album), k -> new Delta())
                .add(f, sign);
        hours.computeIfAbsent(new RollupRepository.DayHour(f.localDay(), f.localHour()), k -> new Delta()).add(f, sign);
    }
}
