package org.tonearm.integrations.internal.connection;

/**
 * One row of {@code integration_connections} as providers and the scheduler see it. {@code credentials} is the
 * sealed ciphertext ({@link TokenCipher}); a provider opens it with {@link ConnectionStore#credentials}.
 *
 * @param cursor   provider-defined: where the next poll starts
 * @param backfill provider-defined JSON progress of a history backfill, or null
 * @param claimedUntil the lease of the node running it now, or null
 */
public record Connection(long id, long userId, String service, String externalUser, String credentials,
        ConnectionStatus status, boolean pull, boolean mirror, String cursor, String backfill, Long lastSyncAt,
        Long nextSyncAt, Long claimedUntil, String lastError, Long lastErrorAt, long createdAt, long updatedAt) {}
