package kautz.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times repeated runs of one step: the first run (class loading, cold JIT) and the median of all runs,
 * in wall-clock and CPU time (the CPU time of this thread matters on a shared, loaded machine).
 */
final class LoadTimer {
    private LoadTimer() {}

    static String measure(Runnable step, int runs) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        long[] wall = new long[runs];
        long[] cpus = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            step.run();
            wall[i] = System.nanoTime() - t0;
            cpus[i] = cpu ? mx.getCurrentThreadCpuTime() - c0 : 0;
        }
        String s = String.format(Locale.ROOT, "first %.1f ms, median %.1f ms wall", wall[0] / 1e6, median(wall) / 1e6);
        if (cpu) s += String.format(Locale.ROOT, " (CPU first %.1f ms, median %.1f ms)", cpus[0] / 1e6, median(cpus) / 1e6);
        return s + " over " + runs + " run" + (runs == 1 ? "" : "s");
    }

    private static double median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
