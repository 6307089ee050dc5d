package kautz.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javax.management.JMException;
import javax.management.ObjectName;
import java.util.Arrays;

/**
 * Medians of this thread's CPU time: on a machine shared with other jobs, wall-clock time measures the
 * scheduler's time slicing as much as the code, while thread CPU time does not (caches are still shared).
 */
final class CpuTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();
    private static final double QUIET_COMPILER_SECONDS = 2;

    private CpuTimer() {}

    /**
     * Warms {@code task} up for at least {@code warmupSeconds}, until HotSpot has finished no compilation for
     * {@link #QUIET_COMPILER_SECONDS} and has none running or queued, and until it is stable (the median of the last five runs within 3% of the
     * five before), at most {@code 30 * warmupSeconds}; then returns the median CPU ms of {@code runs} runs.
     * The compiler test matters for generated code: HotSpot compiles its ~60 chunk methods with C2 one after
     * another (about 0.1 s of compiler time each, far more on a loaded machine), and each compilation changes
     * the time too little for the stability test to notice, so without it the JIT was timed half compiled; the
     * queue matters because one large method can take C2 more than those seconds on a loaded machine.
     */
    static double medianMs(Runnable task, double warmupSeconds, int runs) {
        long start = System.nanoTime();
        long min = start + (long) (warmupSeconds * 1e9), max = start + (long) (30 * warmupSeconds * 1e9);
        double[] last = new double[10];
        int n = 0;
        long compiled = COMPILER.getTotalCompilationTime(), compiledAt = start;
        while (System.nanoTime() < max) {
            last[n++ % last.length] = cpuMs(task);
            long c = COMPILER.getTotalCompilationTime();
            if (c != compiled) {
                compiled = c;
                compiledAt = System.nanoTime();
            }
            if (n >= last.length && System.nanoTime() >= min && System.nanoTime() - compiledAt >= QUIET_COMPILER_SECONDS * 1e9 && compilerIdle()) {
                double[] older = new double[5], newer = new double[5];
                for (int i = 0; i < 5; i++) {
                    older[i] = last[(n + i) % last.length];
                    newer[i] = last[(n + 5 + i) % last.length];
                }
                Arrays.sort(older);
                Arrays.sort(newer);
                if (Math.abs(newer[2] - older[2]) <= 0.03 * older[2]) break;
            }
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) ms[i] = cpuMs(task);
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    /** Whether HotSpot's compiler threads are idle and their queues empty (jcmd Compiler.queue); true if unknown. */
    static boolean compilerIdle() {
        // "Current compiles:" lists "C2 CompilerThread0  1868  4  method"; each queue lists "1869  3  method" or "Empty"
        return diagnostic("compilerQueue").lines().noneMatch(l -> l.contains("CompilerThread") || l.matches("\\s*\\d+\\s.*"));
    }

    /** The output of a jcmd diagnostic command without arguments run in this JVM (e.g. compilerQueue); "" if unavailable. */
    static String diagnostic(String command) {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    command, new Object[]{null}, new String[]{String[].class.getName()});
        } catch (JMException | RuntimeException e) {
            return "";
        }
    }

    private static double cpuMs(Runnable task) {
        long s = THREADS.getCurrentThreadCpuTime();
        task.run();
        return (THREADS.getCurrentThreadCpuTime() - s) / 1e6;
    }
}
