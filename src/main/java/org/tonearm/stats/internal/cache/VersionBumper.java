package org.tonearm.stats.internal.cache;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tonearm.catalog.TrackCreditsGrown;
import org.tonearm.listens.ListensChanged;
import org.tonearm.listens.ListensRelocated;

/**
 * Bumps the user's stats version wherever the rollups change (the same events {@code RollupUpdater} and
 * {@code RelocationFollower} follow), but only <em>after the commit</em>. A bump inside the transaction would let a
 * request that starts between the bump and the commit read the new version, compute from the old snapshot and cache
 * that old answer under the new version, stale until the next write. After the commit, a request that reads the new
 * version always sees the write (it reads the version before it opens its snapshot); a request still holding the old
 * version only ever stores under a key nobody asks for again. The writer's own request ends after this bump, so the
 * next request after any accepted write sees it (issue 11 item 8). A rolled-back write bumps nothing.
 */
@Component
class VersionBumper {

    private final StatsVersions versions;

    VersionBumper(StatsVersions versions) {
        this.versions = versions;
    }

    @EventListener
    void on(ListensChanged change) {
        if (!change.removed().isEmpty() || !change.added().isEmpty()) {
            afterCommit(change.userId());
        }
    }

    @EventListener
    void on(ListensRelocated relocated) {
        if (relocated.listensMoved() > 0) {
            afterCommit(relocated.userId());
        }
    }

    /**
     * A track's credits grew (docs/api.md#catalog "Credits that grow"): the rollups hold tracks, not artists, so they
     * need nothing, but every cached answer that shows artists of that track is stale, for every user who played it.
     */
    @EventListener
    void on(TrackCreditsGrown grown) {
        afterCommit(versions::bumpEveryone);
    }

    private void afterCommit(long userId) {
        afterCommit(() -> versions.bump(userId));
    }

    private static void afterCommit(Runnable bump) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            bump.run(); // no transaction: the change is already visible
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                bump.run();
            }
        });
    }
}
