package org.tonearm.listens.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tonearm.identity.TimezoneChanged;
import org.tonearm.listens.internal.persistence.LocalTimeRepository;
import org.tonearm.listens.internal.persistence.RelocationRepository;
import org.tonearm.shared.Database;

/**
 * A timezone change only records, in the profile change's transaction, that the user's listens must move to the new
 * zone (issue 11 item 5: a history of a million listens must not make {@code PATCH /api/v1/me} slow);
 * {@link RelocationRunner} moves them in the background and is woken once the change is committed.
 */
@Component
class LocalTimeFollower {

    private final Database database;
    private final LocalTimeRepository localTimes;
    private final RelocationRepository relocations;
    private final RelocationRunner runner;

    LocalTimeFollower(Database database, LocalTimeRepository localTimes, RelocationRepository relocations,
            RelocationRunner runner) {
        this.database = database;
        this.localTimes = localTimes;
        this.relocations = relocations;
        this.runner = runner;
    }

    @EventListener
    void on(TimezoneChanged change) {
        // wait for the user's ingests in flight: a listen they store in the previous zone is seen below
        database.lockUser(change.userId());
        if (!localTimes.hasListens(change.userId())) {
            // nothing stored in local time (a new account, or an account import applying its settings first): the
            // new zone holds at once, and a relocation still pending has nothing left to move
            relocations.done(change.userId());
            return;
        }
        relocations.request(change.userId(), change.previous(), change.current(), System.currentTimeMillis());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.wake();
                }
            });
        } else {
            runner.wake();
        }
    }
}
