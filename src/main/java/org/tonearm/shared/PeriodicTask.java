package org.tonearm.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background loop of one daemon thread: runs {@code task} every {@code period} (fixed delay, so a slow run never
 * overlaps the next) from {@link #start} until {@link #stop}, and at once on {@link #runNow}. The pollers of the
 * modules (timezone relocations, the connection scheduler, the mirror outbox) are each one of these inside their
 * {@code SmartLifecycle}; the task catches and logs its own failures, so one failed run never ends the loop.
 */
public final class PeriodicTask {

    private final String threadName;
    private final Duration initialDelay;
    private final Duration period;
    private final Runnable task;
    private volatile ScheduledExecutorService executor;

    public PeriodicTask(String threadName, Duration initialDelay, Duration period, Runnable task) {
        this.threadName = threadName;
        this.initialDelay = initialDelay;
        this.period = period;
        this.task = task;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(threadName).daemon().factory());
        e.scheduleWithFixedDelay(task, initialDelay.toMillis(), Math.max(1, period.toMillis()), TimeUnit.MILLISECONDS);
        executor = e;
    }

    /** Interrupts a run in progress and ends the loop; a later {@link #start} begins a new one. */
    public synchronized void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdownNow();
        }
    }

    public boolean isRunning() {
        return executor != null;
    }

    /**
     * Runs {@code work} on the loop's thread as soon as it is free (between two runs, never beside one); false when the
     * loop is not running or is stopping.
     */
    public boolean runNow(Runnable work) {
        ScheduledExecutorService e = executor;
        if (e == null) {
            return false;
        }
        try {
            e.execute(work);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }
}
