package org.tonearm.listens;

/**
 * The outcome for one incoming listen; {@code listenId} is the stored row it created or landed in (0 when
 * {@link IngestStatus#REFUSED}), {@code refusal} says why a refused listen was not stored (null otherwise).
 */
public record IngestResult(IngestStatus status, long listenId, ListenRefusal refusal) {

    public IngestResult(IngestStatus status, long listenId) {
        this(status, listenId, null);
    }

    public static IngestResult refused(ListenRefusal refusal) {
        return new IngestResult(IngestStatus.REFUSED, 0, refusal);
    }

    public boolean isRefused() {
        return status == IngestStatus.REFUSED;
    }
}
