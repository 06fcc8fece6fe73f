package org.tonearm.listens.internal.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.ListensProperties;

/**
 * Decides, in memory, what each listen of a batch is: a new play, another source's report of a stored
 * play (merge), or a resend (duplicate). docs/api.md#deduplication "Deduplication":
 * <ol>
 *   <li>same user and same catalog track;</li>
 *   <li>same source (channel + service, see package-info): a duplicate only when the start times are within
 *       2 s or the external_id is equal — one source reports each play once, so its repeats are real repeats;</li>
 *   <li>another source: the same play when the starts are within 5 minutes, or when their gap is the track
 *       length within 30 s (one stamped the end, the other the start); the nearest candidate wins, and a
 *       listen absorbs at most one duplicate from each other source.</li>
 * </ol>
 * The working set holds the stored candidates (loaded by the repository with one range query per batch)
 * plus every listen created earlier in the batch, so a batch deduplicates against itself too.
 */
public final class Deduplicator {

    /** Deterministic processing order: a batch and any permutation of it give the same rows (jqwik-tested). */
    public static final Comparator<PreparedListen> CANONICAL_ORDER = Comparator
            .comparingLong(PreparedListen::userId)
            .thenComparingLong(PreparedListen::startMs)
            .thenComparing(p -> p.stamp().sourceKey())
            .thenComparingLong(PreparedListen::trackId)
            .thenComparing(p -> p.stamp().externalId(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.stamp().durationPlayedMs(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PreparedListen::albumId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PreparedListen::trackLengthMs, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.stamp().client(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PreparedListen::extraJson, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.stamp().raw(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ListensProperties rules;
    private final Map<TrackKey, List<WorkingListen>> byTrack = new HashMap<>();
    private final Map<ExternalKey, WorkingListen> byExternalId = new HashMap<>();
    private final List<WorkingListen> created = new ArrayList<>();

    private record TrackKey(long userId, long trackId) {}

    private record ExternalKey(long userId, String sourceKey, String externalId) {}

    public Deduplicator(ListensProperties rules, Collection<WorkingListen> storedCandidates) {
        this.rules = rules;
        storedCandidates.forEach(this::index);
    }

    /** Decides every listen, in {@link #CANONICAL_ORDER}; the result is in that order too. */
    public List<Decision> decideAll(List<PreparedListen> batch) {
        List<PreparedListen> ordered = new ArrayList<>(batch);
        ordered.sort(CANONICAL_ORDER);
        List<Decision> decisions = new ArrayList<>(ordered.size());
        for (PreparedListen listen : ordered) {
            decisions.add(decide(listen));
        }
        return decisions;
    }

    /** Listens created by this batch, in creation order. */
    public List<WorkingListen> created() {
        return created;
    }

    Decision decide(PreparedListen x) {
        WorkingListen resend = sameSourceMatch(x);
        if (resend != null) {
            return new Decision(x, IngestStatus.DUPLICATE, resend);
        }
        WorkingListen play = crossSourceMatch(x);
        if (play != null) {
            play.absorb(x);
            indexExternalId(play, x.stamp());
            return new Decision(x, IngestStatus.MERGED, play);
        }
        WorkingListen fresh = WorkingListen.created(x);
        created.add(fresh);
        index(fresh);
        return new Decision(x, IngestStatus.CREATED, fresh);
    }

    private WorkingListen sameSourceMatch(PreparedListen x) {
        SourceStamp source = x.stamp();
        String externalId = source.externalId();
        if (externalId != null) {
            WorkingListen byId = byExternalId.get(new ExternalKey(x.userId(), source.sourceKey(), externalId));
            if (byId != null) {
                return byId;
            }
        }
        WorkingListen nearest = null;
        long nearestGap = Long.MAX_VALUE;
        for (WorkingListen candidate : candidates(x)) {
            long gap = sameSourceGap(candidate.primary(), x);
            for (SourceStamp stamp : candidate.absorbedStamps()) {
                gap = Math.min(gap, sameSourceGap(stamp, x));
            }
            if (gap < nearestGap || gap == nearestGap && gap != Long.MAX_VALUE && precedes(candidate, nearest)) {
                nearest = candidate;
                nearestGap = gap;
            }
        }
        return nearest;
    }

    /** The start gap when {@code stamp} is x's own source within the 2 s window, else MAX_VALUE. */
    private long sameSourceGap(SourceStamp stamp, PreparedListen x) {
        long gap = Math.abs(stamp.listenedAt() - x.startMs());
        return gap <= rules.sameSourceWindowMs() && stamp.sameSource(x.stamp()) ? gap : Long.MAX_VALUE;
    }

    private WorkingListen crossSourceMatch(PreparedListen x) {
        WorkingListen nearest = null;
        long nearestDistance = Long.MAX_VALUE;
        for (WorkingListen candidate : candidates(x)) {
            long distance = distance(candidate, x);
            boolean nearer = distance < nearestDistance
                    || distance == nearestDistance && distance != Long.MAX_VALUE && precedes(candidate, nearest);
            if (nearer && !candidate.hasSource(x.stamp())) {
                // at most one duplicate per other source; a second report from it is a real repeat
                nearest = candidate;
                nearestDistance = distance;
            }
        }
        return nearest;
    }

    /**
     * Of two equally near candidates, the one whose kept report is earlier (then by source, external id, raw text):
     * decided by content, not by whether a candidate was created in this batch or loaded from an earlier one, so the
     * batch boundaries of an import do not change which listen a report joins (docs/formats.md#row-order).
     */
    private static boolean precedes(WorkingListen a, WorkingListen b) {
        SourceStamp x = a.primary();
        SourceStamp y = b.primary();
        if (x.listenedAt() != y.listenedAt()) {
            return x.listenedAt() < y.listenedAt();
        }
        int bySource = x.sourceKey().compareTo(y.sourceKey());
        if (bySource != 0) {
            return bySource < 0;
        }
        int byId = java.util.Objects.compare(x.externalId(), y.externalId(),
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        if (byId != 0) {
            return byId < 0;
        }
        return java.util.Objects.compare(x.raw(), y.raw(),
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())) < 0;
    }

    /** How far apart two reports are as the same play, or MAX_VALUE when they cannot be the same play. */
    private long distance(WorkingListen candidate, PreparedListen x) {
        long gap = Math.abs(candidate.primary().listenedAt() - x.startMs());
        long best = gap <= rules.crossSourceWindowMs() ? gap : Long.MAX_VALUE;
        Long length = x.trackLengthMs() != null ? x.trackLengthMs() : candidate.trackLengthMs();
        if (length != null) {
            long offByLength = Math.abs(gap - length);
            if (offByLength <= rules.endStampToleranceMs()) {
                best = Math.min(best, offByLength);
            }
        }
        return best;
    }

    private List<WorkingListen> candidates(PreparedListen x) {
        return byTrack.getOrDefault(new TrackKey(x.userId(), x.trackId()), List.of());
    }

    private void index(WorkingListen listen) {
        byTrack.computeIfAbsent(new TrackKey(listen.userId(), listen.trackId()), k -> new ArrayList<>()).add(listen);
        for (SourceStamp stamp : listen.stamps()) {
            indexExternalId(listen, stamp);
        }
    }

    /** External ids are matched whatever the track: a corrected listen must still absorb its own resend. */
    private void indexExternalId(WorkingListen listen, SourceStamp stamp) {
        if (stamp.externalId() != null) {
            byExternalId.putIfAbsent(new ExternalKey(listen.userId(), stamp.sourceKey(), stamp.externalId()), listen);
        }
    }
}
