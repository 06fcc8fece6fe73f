package org.tonearm.integrations.internal.musicbrainz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.tonearm.catalog.CatalogEnrichment;
import org.tonearm.catalog.CatalogEnrichment.Task;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.ExternalServiceException.Reason;

/**
 * The background MusicBrainz enrichment (docs/api.md#enrichment; the flow is numbered in the integrations
 * package-info). One thread per node asks for what is due, one entry at a time, at most one MusicBrainz request
 * per {@code min-interval} (≥ 1 s after the previous one ended; MusicBrainz's published limit is 1 per second), and records every outcome in the catalog's
 * table, which is therefore both the cache (an entry DONE or NOT_FOUND is never asked again) and the retry queue
 * (FAILED with a next attempt, backing off) — a restart resumes where it stopped.
 */
public class EnrichmentWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentWorker.class);
    /** Entries read per visit to the table. */
    static final int BATCH = 20;
    /** How long the worker holds back when the service is down or limiting us and named no time itself. */
    static final Duration PAUSE = Duration.ofSeconds(5);

    private final CatalogEnrichment catalog;
    private final MusicBrainzClient client;
    private final MusicBrainzProperties properties;
    private final Clock clock;
    private final Object pacing = new Object();
    private volatile Thread thread;
    private volatile boolean running;
    /** When the last MusicBrainz request ended (the pace is kept from there). */
    private Instant lastRequest = Instant.EPOCH;

    EnrichmentWorker(CatalogEnrichment catalog, MusicBrainzClient client, MusicBrainzProperties properties,
            Clock clock) {
        this.catalog = catalog;
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("musicbrainz-enrichment").start(this::loop);
        log.info("MusicBrainz enrichment started, User-Agent \"{}\"", client.userAgent());
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                List<Task> due = catalog.due(clock.instant(), BATCH);
                if (due.isEmpty()) {
                    Thread.sleep(properties.idlePoll());
                    continue;
                }
                for (Task task : due) {
                    if (!running) {
                        return;
                    }
                    Duration pause = enrich(task);
                    if (pause != null) {
                        Thread.sleep(pause); // the service is down or limiting: leave the rest for later
                        break;
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database failing (or anything unforeseen) never ends the worker: try again after a pause
                log.warn("MusicBrainz enrichment: {}", e.toString());
                try {
                    Thread.sleep(PAUSE);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * Looks one entry up and records the outcome. Returns how long to pause all lookups when the service itself is
     * the problem (circuit open, rate-limited, busy), else null.
     */
    Duration enrich(Task task) throws InterruptedException {
        try {
            switch (task.kind()) {
                case ARTIST -> {
                    Optional<MusicBrainzClient.ArtistFound> a = paced(() -> client.artist(task));
                    if (a.isPresent()) {
                        catalog.artistFound(task.id(), a.get().mbid(), a.get().country(), a.get().genres(),
                                clock.instant());
                    } else {
                        catalog.notFound(CatalogKind.ARTIST, task.id(), clock.instant());
                    }
                }
                case TRACK -> {
                    Optional<MusicBrainzClient.Found> t = paced(() -> client.recording(task));
                    if (t.isPresent()) {
                        catalog.trackFound(task.id(), t.get().mbid(), t.get().year(), clock.instant());
                    } else {
                        catalog.notFound(CatalogKind.TRACK, task.id(), clock.instant());
                    }
                }
                case ALBUM -> {
                    Optional<MusicBrainzClient.Found> r = paced(() -> client.release(task));
                    if (r.isPresent()) {
                        // the Cover Art Archive is another service, not under MusicBrainz's one request per second
                        String cover = client.cover(r.get().mbid());
                        catalog.albumFound(task.id(), r.get().mbid(), r.get().year(), cover, clock.instant());
                    } else {
                        catalog.notFound(CatalogKind.ALBUM, task.id(), clock.instant());
                    }
                }
            }
            return null;
        } catch (ExternalServiceException e) {
            return failed(task, e);
        }
    }

    private Duration failed(Task task, ExternalServiceException e) {
        Instant now = clock.instant();
        if (e.reason() == Reason.CIRCUIT_OPEN || e.reason() == Reason.BUSY
                || e.reason() == Reason.RATE_LIMITED && e.retryAfter() != null) {
            // not the entry's fault and nothing was asked (or the service asked us to wait): no attempt counted
            Duration wait = e.retryAfter() != null && !e.retryAfter().isZero() ? e.retryAfter() : PAUSE;
            log.info("MusicBrainz enrichment pauses {} s: {}", wait.toSeconds(), e.getMessage());
            return wait;
        }
        int attempts = task.attempts() + 1;
        // the service being down (5xx, timeout) is retried for as long as it takes, backing off to once a day; an
        // answer Tonearm cannot use for this entry (malformed body, 4xx) is given up after max-attempts
        boolean serviceDown = e.reason() == Reason.UNAVAILABLE || e.reason() == Reason.TIMEOUT;
        Instant next = !serviceDown && attempts >= properties.maxAttempts() ? null
                : now.plus(properties.backoff(attempts));
        catalog.failed(task.kind(), task.id(), e.reason() + ": " + e.getMessage(), next, now);
        log.debug("MusicBrainz lookup of {} {} failed ({}), next attempt {}", task.kind(), task.id(), e.reason(), next);
        // MusicBrainz answers 503 to clients over its limit: a Retry-After it sends holds every lookup back
        return e.retryAfter() != null && !e.retryAfter().isZero() ? e.retryAfter() : null;
    }

    /**
     * Runs one MusicBrainz request no sooner than min-interval after the previous one ended. Counted from the end,
     * not the start: a request slow to arrive (a new connection, a loaded network) must not arrive at MusicBrainz
     * less than a second before the next one (MusicBrainz counts requests as they arrive).
     */
    private <T> T paced(java.util.function.Supplier<T> request) throws InterruptedException {
        synchronized (pacing) {
            Instant earliest = lastRequest.plus(properties.minInterval());
            Duration wait = Duration.between(clock.instant(), earliest);
            if (!wait.isNegative() && !wait.isZero()) {
                Thread.sleep(wait);
            }
            try {
                return request.get();
            } finally {
                lastRequest = clock.instant();
            }
        }
    }
}
