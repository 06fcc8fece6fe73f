package org.tonearm.integrations.internal.connection;

import org.springframework.beans.factory.annotation.Qualifier;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.shared.PeriodicTask;

/**
 * Runs the connections whose {@code next_sync_at} has come (docs/architecture.md "jobs in a table"): every
 * {@code poll-interval} it claims, per service, as many due connections as that service has free slots
 * ({@link ConnectionStore#claimDue}: one node runs each, a dead node's claim lapses after the lease), runs each
 * provider step on a virtual thread and records the outcome:
 * <ol>
 *   <li>success: the step's cursor and backfill progress (its listens are committed already), status active,
 *       next run after the provider's interval;</li>
 *   <li>{@link ReauthorizationRequired}: status needs_reauth, not scheduled until the user connects again;</li>
 *   <li>any other failure: status error with the reason, tried again after {@code retry-after-error} or the
 *       service's Retry-After, whichever is later.</li>
 * </ol>
 * Slots are per service (a semaphore each), so a service that is slow or down holds only its own slots and never
 * delays the others. When a round filled every free slot of a service (more may be due), each slot that comes free
 * starts another round at once instead of waiting for the next {@code poll-interval}: otherwise a node could never
 * run more than {@code concurrency} syncs per {@code poll-interval} per service (16/s), below what 1,000 active
 * Spotify users polled every 30 s need (33/s; issue 13 item 8, docs/performance.md "Spotify sync at 1,000 users").
 */
@Component
public class ConnectionScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConnectionScheduler.class);

    private final ConnectionStore store;
    private final ConnectionsProperties properties;
    private final Map<String, ConnectionProvider> providers = new LinkedHashMap<>();
    private final Map<String, Semaphore> slots = new LinkedHashMap<>();
    private final Clock clock;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("connection-sync-", 0).factory());
    private final PeriodicTask ticker;
    /** Per service: the last round claimed as many as it had slots for, so more may be due. */
    private final Map<String, AtomicBoolean> backlog = new LinkedHashMap<>();
    /** A round triggered by a freed slot is queued on the ticker and not yet run (coalesces wake-ups). */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    ConnectionScheduler(ConnectionStore store, ConnectionsProperties properties, List<ConnectionProvider> providers,
            @Qualifier("integrationsClock") Clock integrationsClock) {
        this.store = store;
        this.properties = properties;
        this.clock = integrationsClock;
        for (ConnectionProvider p : providers) {
            this.providers.put(p.service(), p);
            this.slots.put(p.service(), new Semaphore(properties.concurrency()));
            this.backlog.put(p.service(), new AtomicBoolean());
        }
        this.ticker = new PeriodicTask("connection-scheduler", properties.pollInterval(), properties.pollInterval(),
                this::safeTick);
    }

    /** One round: claims and starts the due connections of every service; returns how many were started. */
    public int tick() {
        int started = 0;
        for (Map.Entry<String, ConnectionProvider> e : providers.entrySet()) {
            Semaphore free = slots.get(e.getKey());
            int available = free.availablePermits();
            if (available == 0 || !e.getValue().available()) {
                continue;
            }
            long now = clock.millis();
            List<Connection> claimed = store.claimDue(e.getKey(), now, now + properties.lease().toMillis(), available);
            AtomicBoolean more = backlog.get(e.getKey());
            more.set(claimed.size() >= available);
            for (Connection c : claimed) {
                free.acquireUninterruptibly(); // never blocks: at most `available` were claimed, only this thread takes
                started++;
                workers.execute(() -> {
                    try {
                        run(c);
                    } finally {
                        free.release();
                        if (more.get()) {
                            wake();
                        }
                    }
                });
            }
        }
        return started;
    }

    /**
     * Runs the connection now in the caller's thread (sync now): claims it, or, while another run holds it, waits
     * (up to the lease) for that run to finish. Answers the connection as it is afterwards.
     */
    public Optional<Connection> runNow(long connectionId) {
        long deadline = clock.millis() + properties.lease().toMillis();
        while (true) {
            long now = clock.millis();
            Optional<Connection> claimed = store.claim(connectionId, now, now + properties.lease().toMillis());
            if (claimed.isPresent()) {
                run(claimed.get());
                return store.find(connectionId);
            }
            Optional<Connection> current = store.find(connectionId);
            boolean heldByAnother = current.isPresent() && current.get().claimedUntil() != null
                    && current.get().claimedUntil() >= now;
            if (!heldByAnother || now >= deadline) {
                return current; // not syncable (needs_reauth, disconnected), or the other run outlived the wait
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return current;
            }
        }
    }

    /** Runs one step of a claimed connection and records its outcome (never throws). */
    void run(Connection claimed) {
        ConnectionProvider provider = providers.get(claimed.service());
        try {
            if (provider == null || !provider.available()) {
                store.failed(claimed, ConnectionStatus.ERROR, claimed.service() + " is not configured on this instance",
                        clock.millis(), clock.millis() + properties.retryAfterError().toMillis());
                return;
            }
            SyncStep step = provider.sync(claimed);
            long now = clock.millis();
            store.succeeded(claimed, step.cursor(), step.backfill(), now, now + Math.max(0, step.nextIn().toMillis()));
        } catch (ReauthorizationRequired e) {
            log.info("{} connection {} of user {} needs re-authorization: {}", claimed.service(), claimed.id(),
                    claimed.userId(), e.getMessage());
            store.failed(claimed, ConnectionStatus.NEEDS_REAUTH, e.getMessage(), clock.millis(), null);
        } catch (ExternalServiceException e) {
            long now = clock.millis();
            Duration wait = e.retryAfter() != null && e.retryAfter().compareTo(properties.retryAfterError()) > 0
                    ? e.retryAfter() : properties.retryAfterError();
            log.debug("{} connection {} failed ({}), next try in {}", claimed.service(), claimed.id(), e.reason(), wait);
            store.failed(claimed, ConnectionStatus.ERROR, e.getMessage(), now, now + wait.toMillis());
        } catch (RuntimeException e) {
            long now = clock.millis();
            log.warn("{} connection {} failed: {}", claimed.service(), claimed.id(), e.toString());
            store.failed(claimed, ConnectionStatus.ERROR, "sync failed: " + e.getMessage(), now,
                    now + properties.retryAfterError().toMillis());
        }
    }

    /** A slot came free while due connections may be waiting: run a round now on the ticker (one queued at a time). */
    private void wake() {
        if (wakeQueued.compareAndSet(false, true) && !ticker.runNow(() -> {
            wakeQueued.set(false);
            safeTick();
        })) {
            wakeQueued.set(false); // not running or stopping
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("connection scheduler round failed (retried next round): {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (properties.enabled() && !providers.isEmpty()) {
            ticker.start();
        }
    }

    @Override
    public void stop() {
        ticker.stop();
    }

    @Override
    public boolean isRunning() {
        return ticker.isRunning();
    }
}
