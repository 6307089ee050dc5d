package kautz.verify;

import java.time.Duration;

/**
 * Budgets of an equivalence check.
 *
 * @param timeout         wall-clock budget of the whole check; when it runs out the answer is "undecided"
 * @param simWords        64-pattern words of random simulation per node (filtering and candidate classes)
 * @param seed            seed of the random patterns
 * @param mergeConflicts  SAT conflicts allowed per internal merge while sweeping (a cheap local proof;
 *                        a candidate that needs more is left unmerged and the outputs are proven directly)
 */
public record CecOptions(Duration timeout, int simWords, long seed, int mergeConflicts) {
    public CecOptions {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the timeout must be positive");
        if (simWords < 1) throw new IllegalArgumentException("simWords must be at least 1");
        if (mergeConflicts < 1) throw new IllegalArgumentException("mergeConflicts must be at least 1");
    }

    public static CecOptions defaults() { return new CecOptions(Duration.ofSeconds(60), 16, 1, 100); }

    public CecOptions withTimeout(Duration t) { return new CecOptions(t, simWords, seed, mergeConflicts); }
}
