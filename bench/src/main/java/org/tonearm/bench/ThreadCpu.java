package org.tonearm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the current thread. On a machine shared with other builds, wall time depends on the load;
 * the thread's CPU time much less (on SQLite the engine runs on the calling thread, so it is counted too).
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {}

    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
