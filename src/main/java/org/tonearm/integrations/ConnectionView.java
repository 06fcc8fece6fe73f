package org.tonearm.integrations;

/**
 * One of a user's connections as {@code GET /api/v1/connections} and the web page show it (docs/api.md#connections).
 * Instants are ISO-8601 UTC strings, null when unknown.
 *
 * @param status         active | needs_reauth | error | disconnected
 * @param backfill       the history backfill's progress (provider-defined JSON object), or null
 * @param outbox         while mirroring: the listens waiting to be forwarded and the last failure, else null
 */
public record ConnectionView(String service, String externalUser, String status, boolean pull, boolean mirror,
        String lastSyncAt, String nextSyncAt, String lastError, String lastErrorAt, Object backfill,
        String createdAt, @com.fasterxml.jackson.annotation.JsonInclude(
                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Outbox outbox) {

    /**
     * The mirror outbox of a connection (docs/api.md#connections-lastfm-and-listenbrainz).
     *
     * @param pending   listens waiting to be sent (those in flight included)
     * @param ignored   listens the service refused for good (e.g. Last.fm: older than 14 days)
     * @param lastError the last failure or refusal, or null
     */
    public record Outbox(int pending, int ignored, String lastError) {}

    public ConnectionView(String service, String externalUser, String status, boolean pull, boolean mirror,
            String lastSyncAt, String nextSyncAt, String lastError, String lastErrorAt, Object backfill,
            String createdAt) {
        this(service, externalUser, status, pull, mirror, lastSyncAt, nextSyncAt, lastError, lastErrorAt, backfill,
                createdAt, null);
    }

    public ConnectionView withOutbox(Outbox outbox) {
        return new ConnectionView(service, externalUser, status, pull, mirror, lastSyncAt, nextSyncAt, lastError,
                lastErrorAt, backfill, createdAt, outbox);
    }

    public boolean needsReauthorization() {
        return "needs_reauth".equals(status);
    }
}
