package org.tonearm.integrations;

/**
 * One of a user's connections as {@code GET /api/v1/connections} and the web page show it (docs/api.md#connections).
 * Instants are ISO-8601 UTC strings, null when unknown.
 *
 * @param status         active | needs_reauth | error | disconnected
 * @param backfill       the history backfill's progress (provider-defined JSON object), or null
 */
public record ConnectionView(String service, String externalUser, String status, boolean pull, boolean mirror,
        String lastSyncAt, String nextSyncAt, String lastError, String lastErrorAt, Object backfill,
        String createdAt) {

    public boolean needsReauthorization() {
        return "needs_reauth".equals(status);
    }
}
