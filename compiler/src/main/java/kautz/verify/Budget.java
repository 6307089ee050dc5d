package kautz.verify;

import java.time.Duration;

/**
 * The time a check may still spend: CPU time of the checking thread (so an answer does not depend on how
 * busy the machine is) and, as a guard against waiting forever on a starved machine, wall-clock time.
 * The check runs on one thread, and a budget is only read on the thread that created it.
 *
 * @param cpuDeadline  the thread CPU time ({@link EquivalenceChecker#cpuNanos}) at which the budget ends
 * @param wallDeadline the {@link System#nanoTime} at which the budget ends
 */
record Budget(long cpuDeadline, long wallDeadline) {
    /** A budget starting now on the current thread. */
    static Budget start(Duration cpu, Duration wall) {
        return new Budget(EquivalenceChecker.cpuNanos() + cpu.toNanos(), System.nanoTime() + wall.toNanos());
    }

    static Budget start(CecOptions options) { return start(options.timeout(), options.wallLimit()); }

    boolean expired() { return cpuLeftNanos() <= 0 || wallLeftNanos() <= 0; }

    long cpuLeftNanos() { return cpuDeadline - EquivalenceChecker.cpuNanos(); }

    long wallLeftNanos() { return wallDeadline - System.nanoTime(); }

    /** A budget ending when {@code fraction} of what is left of this one is spent (on both clocks). */
    Budget fraction(double fraction) {
        long cpu = EquivalenceChecker.cpuNanos(), wall = System.nanoTime();
        return new Budget(cpu + (long) (Math.max(0, cpuDeadline - cpu) * fraction),
                wall + (long) (Math.max(0, wallDeadline - wall) * fraction));
    }
}
