package kautz.schedule;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Time budgets of improving schedulers are counted in the CPU time of the scheduling thread, so a loaded
 * machine does not cut the search short (the step bounds keep results deterministic either way).
 */
final class CpuClock {
    private CpuClock() {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Nanoseconds of this thread's CPU time, or wall-clock nanoseconds where that is unavailable. */
    static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
