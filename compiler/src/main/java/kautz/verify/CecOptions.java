package kautz.verify;

import java.time.Duration;

/**
 * Budgets of an equivalence check.
 *
 * @param timeout         CPU time the checking thread may spend on the whole check; when it runs out the
 *                        answer is "undecided". CPU rather than wall time, so that the answer does not
 *                        depend on how many other jobs share the machine
 * @param wallLimit       wall-clock guard: the check also stops (undecided) when this much real time has
 *                        passed, so a starved process never waits indefinitely
 * @param simWords        64-pattern words of random simulation per node (filtering and candidate classes)
 * @param seed            seed of the random patterns
 * @param mergeConflicts  SAT conflicts allowed per internal merge while sweeping (a cheap local proof;
 *                        a candidate that needs more is left unmerged and the outputs are proven directly)
 */
public record CecOptions(Duration timeout, Duration wallLimit, int simWords, long seed, int mergeConflicts) {
    /** The wall-clock guard {@link #withTimeout} sets: this many times the CPU budget. */
    public static final int WALL_FACTOR = 10;

    public CecOptions {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the timeout must be positive");
        if (wallLimit.isNegative() || wallLimit.isZero()) throw new IllegalArgumentException("the wall limit must be positive");
        if (simWords < 1) throw new IllegalArgumentException("simWords must be at least 1");
        if (mergeConflicts < 1) throw new IllegalArgumentException("mergeConflicts must be at least 1");
    }

    public static CecOptions defaults() { return new CecOptions(Duration.ofSeconds(60), Duration.ofSeconds(60 * WALL_FACTOR), 16, 1, 100); }

    /** A CPU budget of {@code t}, with a wall-clock guard of {@link #WALL_FACTOR} times it. */
    public CecOptions withTimeout(Duration t) {
        return new CecOptions(t, t.multipliedBy(WALL_FACTOR), simWords, seed, mergeConflicts);
    }

    public CecOptions withWallLimit(Duration w) { return new CecOptions(timeout, w, simWords, seed, mergeConflicts); }
}
