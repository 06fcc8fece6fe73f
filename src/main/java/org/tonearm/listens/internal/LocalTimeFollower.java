package org.tonearm.listens.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tonearm.identity.TimezoneChanged;
import org.tonearm.listens.ListensRelocated;
import org.tonearm.listens.internal.persistence.LocalTimeRepository;
import org.tonearm.shared.Database;

/**
 * Moves a user's stored local days and hours to the new timezone inside the profile change's transaction, then lets
 * derived data follow ({@link ListensRelocated}). Synchronous for now: a history of a million listens makes the
 * PATCH slow (issue 11 item 5 asks for a background job that keeps stats correct meanwhile — not done yet).
 */
@Component
class LocalTimeFollower {

    private final Database database;
    private final LocalTimeRepository localTimes;
    private final ApplicationEventPublisher events;

    LocalTimeFollower(Database database, LocalTimeRepository localTimes, ApplicationEventPublisher events) {
        this.database = database;
        this.localTimes = localTimes;
        this.events = events;
    }

    @EventListener
    void on(TimezoneChanged change) {
        database.writeVoid(() -> {
            int moved = localTimes.recompute(change.userId(), change.current());
            events.publishEvent(new ListensRelocated(change.userId(), moved));
        });
    }
}
