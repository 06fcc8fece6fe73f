package org.tonearm.imports.internal.jobs;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tonearm.imports.internal.persistence.JooqImportJobRepository;
import org.tonearm.listens.ListensProperties;
import org.tonearm.shared.DatabaseProperties;

/**
 * Runs queued import jobs on a bounded number of workers. Polls the table every {@code pollInterval} (plus an
 * immediate wake-up on submit) and claims each job with a conditional update, so any number of nodes can share
 * the table and each job runs once; running jobs whose heartbeat went stale (their node died) are re-claimed and
 * resume from their checkpoint.
 */
@Component
public class ImportJobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportJobRunner.class);

    /** This node, as it appears in import_jobs.claimed_by (before "/<run>"); the same across restarts (NodeId). */
    private final String node;
    private final ImportsProperties properties;
    private final FormatFinder formats;
    private final JooqImportJobRepository jobs;
    private final ImportBatchWriter writer;
    private final ListensProperties rules;
    private final Semaphore freeWorkers;
    /** Jobs running here, by id, with their claim token. */
    private final java.util.Map<Long, String> active = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean stopping;
    private ScheduledExecutorService poller;
    private ExecutorService workers;

    ImportJobRunner(ImportsProperties properties, FormatFinder formats, JooqImportJobRepository jobs,
            ImportBatchWriter writer, ListensProperties rules, DatabaseProperties database) {
        this.node = NodeId.load(Path.of(database.dataDir()).toAbsolutePath());
        this.properties = properties;
        this.rules = rules;
        this.formats = formats;
        this.jobs = jobs;
        this.writer = writer;
        this.freeWorkers = new Semaphore(properties.workers());
    }

    /** Looks for work now instead of at the next poll (called after an upload). */
    public void wake() {
        try {
            if (running) {
                poller.execute(this::poll);
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping: nothing to wake
        }
    }

    @Override
    public synchronized void start() {
        stopping = false;
        if (properties.workers() <= 0) {
            return; // this node only accepts uploads; other nodes run the jobs
        }
        takeBackOwnJobs();
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("import-poller").daemon().factory());
        workers = Executors.newFixedThreadPool(properties.workers(), Thread.ofPlatform().name("import-", 0).factory());
        long period = Math.max(50, properties.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, period, period, TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Jobs still marked running by this node were cut short by a crash (a clean stop hands them back): they go back
     * to the queue now, and the first poll resumes them from their checkpoint, instead of in stale-after (2 min).
     */
    private void takeBackOwnJobs() {
        try {
            int back = jobs.releaseAll(node + "/");
            if (back > 0) {
                log.info("resuming {} import job(s) this node was running when it stopped", back);
            }
        } catch (RuntimeException e) {
            log.warn("could not take back this node's import jobs (they resume once stale): {}", e.toString());
        }
    }

    String node() {
        return node;
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopping = true;
        if (poller == null) {
            return;
        }
        poller.shutdownNow();
        workers.shutdown();
        try {
            // workers notice "stopping" at their next batch and hand their job back to the queue
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void poll() {
        try {
            heartbeat();
            while (running && freeWorkers.tryAcquire()) {
                if (!claimOne()) {
                    freeWorkers.release();
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("import poll failed: {}", e.toString());
        }
    }

    /** Claims and starts one job; false when there is none. Holds one worker permit on success. */
    private boolean claimOne() {
        long now = System.currentTimeMillis();
        long staleBefore = now - properties.staleAfter().toMillis();
        for (long id : jobs.claimable(staleBefore, 10)) {
            // a claim token per run: a run that lost its job (re-claimed after a stall) can no longer write to it
            String claim = node + "/" + UUID.randomUUID().toString().substring(0, 8);
            if (!active.containsKey(id) && jobs.claim(id, claim, now, staleBefore)) {
                active.put(id, claim);
                var job = jobs.findById(id).orElseThrow();
                workers.execute(() -> {
                    try {
                        new ImportRun(job, claim, properties, formats, jobs, writer, rules, () -> stopping).run();
                    } finally {
                        active.remove(id, claim);
                        freeWorkers.release();
                        wake();
                    }
                });
                return true;
            }
        }
        return false;
    }

    /** Keeps this node's jobs fresh between batches (a slow parser or a long resume skip is not a dead node). */
    private void heartbeat() {
        long now = System.currentTimeMillis();
        active.forEach((id, claim) -> jobs.heartbeat(id, claim, now));
    }
}
