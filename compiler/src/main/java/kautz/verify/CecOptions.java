package kautz.verify;

import java.time.Duration;

/**
 * Budgets and strategy of an equivalence check.
 *
 * @param timeout   CPU time the checking thread may spend on the whole check; when it runs out the answer is
 *                  "undecided". CPU rather than wall time, so that the answer does not depend on how many other
 *                  jobs share the machine
 * @param wallLimit wall-clock guard: the check also stops (undecided) when this much real time has passed, so a
 *                  starved process never waits indefinitely
 * @param strategy  the proof steps taken and their thresholds
 */
public record CecOptions(Duration timeout, Duration wallLimit, CecStrategy strategy) {
    /** The wall-clock guard {@link #withTimeout} sets: this many times the CPU budget. */
    public static final int WALL_FACTOR = 10;

    public CecOptions {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the timeout must be positive");
        if (wallLimit.isNegative() || wallLimit.isZero()) throw new IllegalArgumentException("the wall limit must be positive");
    }

    public static CecOptions defaults() {
        return new CecOptions(Duration.ofSeconds(60), Duration.ofSeconds(60 * WALL_FACTOR), CecStrategy.defaults());
    }

    /** A CPU budget of {@code t}, with a wall-clock guard of {@link #WALL_FACTOR} times it. */
    public CecOptions withTimeout(Duration t) { return new CecOptions(t, t.multipliedBy(WALL_FACTOR), strategy); }

    public CecOptions withWallLimit(Duration w) { return new CecOptions(timeout, w, strategy); }

    public CecOptions withStrategy(CecStrategy s) { return new CecOptions(timeout, wallLimit, s); }
}
