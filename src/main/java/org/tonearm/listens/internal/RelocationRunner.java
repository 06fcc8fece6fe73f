package org.tonearm.listens.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tonearm.listens.ListensRelocated;
import org.tonearm.listens.internal.persistence.LocalTimeRepository;
import org.tonearm.listens.internal.persistence.RelocationRepository;
import org.tonearm.shared.Database;
import org.tonearm.shared.PeriodicTask;

/**
 * The background job of a timezone change (issue 11 item 5; docs/architecture.md "jobs in a table, claimed
 * atomically"): for each row of {@code listen_relocations} it recomputes the user's stored local days and hours in
 * the target zone and publishes {@link ListensRelocated} so that derived data (the statistics rollups) follows — all
 * in ONE write transaction that also deletes the row. Readers therefore see either everything in the previous zone
 * or everything in the new one, never a mix ({@link org.tonearm.listens.LocalTimes}).
 *
 * <p>Exactly one node runs a relocation: the row is taken {@code FOR UPDATE SKIP LOCKED} on PostgreSQL (SQLite has a
 * single writer), and the user's listens are locked like an ingest ({@link Database#lockUser}), so an ingest of the
 * same user waits and then stores its listens in the new zone. A crash rolls the transaction back and leaves the
 * row: the next poll, on this node after a restart or on any other node, runs it again. Polls every
 * {@code tonearm.listens.relocations.poll-interval} (2 s) and at once after a timezone change commits.
 */
@Component
public class RelocationRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelocationRunner.class);

    private final Database database;
    private final RelocationRepository relocations;
    private final LocalTimeRepository localTimes;
    private final ApplicationEventPublisher events;
    /**
     * Holds taken by {@link #hold()}: while any is open no runner of this process starts a relocation. Per process, not
     * per bean: tests start several application contexts over one database, and a hold must stop all their runners.
     */
    private static final AtomicInteger holds = new AtomicInteger();
    private final PeriodicTask poller;

    RelocationRunner(Database database, RelocationRepository relocations, LocalTimeRepository localTimes,
            ApplicationEventPublisher events,
            @Value("${tonearm.listens.relocations.poll-interval:2s}") Duration pollInterval) {
        this.database = database;
        this.relocations = relocations;
        this.localTimes = localTimes;
        this.events = events;
        // the first poll at once: a relocation requested before a restart resumes without waiting
        this.poller = new PeriodicTask("relocations", Duration.ZERO,
                Duration.ofMillis(Math.max(50, pollInterval.toMillis())), this::poll);
    }

    /**
     * Keeps this process from starting relocations until the returned handle is closed (a maintenance window; tests
     * use it to observe the statistics while a relocation is pending). A relocation already running finishes.
     */
    public AutoCloseable hold() {
        holds.incrementAndGet();
        return () -> {
            holds.decrementAndGet();
            wake();
        };
    }

    /** Looks for work now instead of at the next poll. */
    public void wake() {
        poller.runNow(this::poll); // not running: the next start polls
    }

    /** Runs every pending relocation now, in the caller's thread; returns how many ran. */
    public int runPending() {
        int ran = 0;
        for (long userId : relocations.pending(100)) {
            if (holds.get() > 0) {
                break;
            }
            if (relocate(userId)) {
                ran++;
            }
        }
        return ran;
    }

    private boolean relocate(long userId) {
        return database.write(() -> {
            var taken = relocations.take(userId);
            if (taken.isEmpty()) {
                return false; // done meanwhile, or another node has it
            }
            database.lockUser(userId);
            // a timezone change that commits meanwhile waits for the row lock and then requests the next relocation
            var relocation = taken.get();
            int moved = localTimes.recompute(userId, relocation.target());
            events.publishEvent(new ListensRelocated(userId, moved));
            relocations.done(userId);
            log.info("moved {} listen(s) of user {} from {} to {}", moved, userId, relocation.stored(),
                    relocation.target());
            return true;
        });
    }

    private synchronized void poll() {
        try {
            while (holds.get() == 0 && runPending() > 0) {
                // more may have been requested meanwhile
            }
        } catch (RuntimeException e) {
            log.warn("timezone relocation failed (retried at the next poll): {}", e.toString());
        }
    }

    @Override
    public void start() {
        poller.start();
    }

    @Override
    public void stop() {
        poller.stop();
    }

    @Override
    public boolean isRunning() {
        return poller.isRunning();
    }
}
