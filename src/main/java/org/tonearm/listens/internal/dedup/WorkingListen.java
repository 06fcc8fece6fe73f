package org.tonearm.listens.internal.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * A listen in the batch's working set: either stored (loaded as a deduplication candidate) or created
 * earlier in the same batch. Merges mutate it; the repository then writes what changed.
 */
public final class WorkingListen {

    private Long id;
    private final long userId;
    private long trackId;
    private Long albumId;
    private Long trackLengthMs;
    private SourceStamp primary;
    private String extraJson;
    private int mergeCount;
    private final List<SourceStamp> absorbed;
    private final List<SourceStamp> newlyAbsorbed = new ArrayList<>();
    private final boolean stored;
    private boolean changed;

    public WorkingListen(Long id, long userId, long trackId, Long albumId, Long trackLengthMs, SourceStamp primary,
            String extraJson, int mergeCount, List<SourceStamp> absorbed, boolean stored) {
        this.id = id;
        this.userId = userId;
        this.trackId = trackId;
        this.albumId = albumId;
        this.trackLengthMs = trackLengthMs;
        this.primary = primary;
        this.extraJson = extraJson;
        this.mergeCount = mergeCount;
        this.absorbed = new ArrayList<>(absorbed);
        this.stored = stored;
    }

    static WorkingListen created(PreparedListen p) {
        return new WorkingListen(null, p.userId(), p.trackId(), p.albumId(), p.trackLengthMs(), p.stamp(),
                p.extraJson(), 0, List.of(), false);
    }

    /** Every stamp of this play: its own and the absorbed ones. */
    List<SourceStamp> stamps() {
        List<SourceStamp> all = new ArrayList<>(absorbed.size() + 1);
        all.add(primary);
        all.addAll(absorbed);
        return all;
    }

    /** The stamps other than the primary one (read-only use; the hot loop avoids copying them). */
    List<SourceStamp> absorbedStamps() {
        return absorbed;
    }

    boolean hasSource(SourceStamp source) {
        if (primary.sameSource(source)) {
            return true;
        }
        for (SourceStamp s : absorbed) {
            if (s.sameSource(source)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Folds another source's report of the same play in (docs/api.md#deduplication): the higher-priority source's fields win,
     * the longest played duration is kept, every source stays as a stamp (the union of identifiers).
     */
    void absorb(PreparedListen other) {
        SourceStamp incoming = other.stamp();
        Long longest = max(primary.durationPlayedMs(), incoming.durationPlayedMs());
        if (incoming.priority() > primary.priority()) {
            newlyAbsorbed.add(primary);
            absorbed.add(primary);
            primary = incoming;
            if (other.albumId() != null) {
                albumId = other.albumId();
            }
            if (other.extraJson() != null) {
                extraJson = other.extraJson();
            }
        } else {
            newlyAbsorbed.add(incoming);
            absorbed.add(incoming);
            if (albumId == null) {
                albumId = other.albumId();
            }
        }
        primary = withDuration(primary, longest);
        if (trackLengthMs == null) {
            trackLengthMs = other.trackLengthMs();
        }
        mergeCount++;
        changed = true;
    }

    private static SourceStamp withDuration(SourceStamp s, Long duration) {
        return new SourceStamp(s.listenedAt(), duration, s.service(), s.channel(), s.origin(), s.client(),
                s.externalId(), s.raw());
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    public Long id() {
        return id;
    }

    public void assignId(long newId) {
        this.id = newId;
    }

    public long userId() {
        return userId;
    }

    public long trackId() {
        return trackId;
    }

    public Long albumId() {
        return albumId;
    }

    public Long trackLengthMs() {
        return trackLengthMs;
    }

    public SourceStamp primary() {
        return primary;
    }

    public String extraJson() {
        return extraJson;
    }

    public int mergeCount() {
        return mergeCount;
    }

    public List<SourceStamp> newlyAbsorbed() {
        return newlyAbsorbed;
    }

    public boolean stored() {
        return stored;
    }

    /** A stored listen that a merge changed and that must be updated. */
    public boolean changed() {
        return changed;
    }
}
