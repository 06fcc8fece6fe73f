package org.tonearm.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Samples a server's resident set every half second on a daemon thread; keeps the peak since the last reset. */
final class RssSampler implements AutoCloseable {

    private final TonearmServer server;
    private final AtomicLong peakKb = new AtomicLong();
    private final AtomicLong overallPeakKb = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(TonearmServer server) {
        this.server = server;
        this.thread = Thread.ofPlatform().daemon().name("rss-sampler").start(this::loop);
    }

    private void loop() {
        while (running) {
            long rss = server.rssKb();
            peakKb.accumulateAndGet(rss, Math::max);
            overallPeakKb.accumulateAndGet(rss, Math::max);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The peak since the last call, in MiB; starts a new period. */
    long takePeakMb() {
        return Math.max(peakKb.getAndSet(0), server.rssKb()) >> 10;
    }

    long overallPeakMb() {
        return overallPeakKb.get() >> 10;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
