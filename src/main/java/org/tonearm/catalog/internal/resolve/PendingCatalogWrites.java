package org.tonearm.catalog.internal.resolve;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tonearm.catalog.internal.persistence.CatalogRows.StoredTrack;

/**
 * The catalog rows one transaction created or changed, keyed like {@link CatalogCaches}. Later
 * resolutions in the same transaction see them first; they reach the shared caches only after commit
 * and are dropped on rollback.
 */
final class PendingCatalogWrites {

    final Map<String, Long> artists = new HashMap<>();
    final Map<String, Long> albums = new HashMap<>();
    final Map<String, StoredTrack> tracks = new HashMap<>();
    final Map<Long, Set<Long>> credits = new HashMap<>();

    /**
     * This transaction's pending writes, bound on first use with an after-commit hook that publishes
     * them. Outside a transaction every statement auto-commits, so the writes go to the caches at once
     * ({@code onDone} is called by the resolver then).
     */
    static PendingCatalogWrites current(CatalogCaches caches) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object existing = TransactionSynchronizationManager.getResource(caches);
        if (existing instanceof PendingCatalogWrites writes) {
            return writes;
        }
        PendingCatalogWrites writes = new PendingCatalogWrites();
        TransactionSynchronizationManager.bindResource(caches, writes);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                caches.publish(writes);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(caches);
            }
        });
        return writes;
    }
}
