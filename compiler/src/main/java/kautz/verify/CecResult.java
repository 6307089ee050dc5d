package kautz.verify;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/** The answer of an equivalence check: equivalent, a counterexample, or undecided within the budget. */
public sealed interface CecResult {
    Stats stats();

    /** Every matched output pair is proven equal for all inputs. */
    record Equivalent(Stats stats) implements CecResult {}

    /**
     * An input assignment on which the networks differ.
     *
     * @param inputs  a value for every input bit of either network (free variables included), by name
     * @param outputs the output bits that differ under it, each with the left and right value
     */
    record NotEquivalent(ImmutableMap<String, Boolean> inputs, ImmutableList<Difference> outputs, Stats stats)
            implements CecResult {}

    /** The budget ran out; {@code open} names the output bits neither proven nor refuted. */
    record Undecided(ImmutableList<String> open, Stats stats) implements CecResult {}

    record Difference(String output, boolean left, boolean right) {}

    /**
     * What the check did.
     *
     * @param pairs        output pairs compared
     * @param byStructure  pairs equal after structural hashing and sweeping (no output-level SAT call)
     * @param bySat        pairs proven by an output-level SAT call
     * @param merges       internal equivalences proven while sweeping
     * @param satCalls     solver calls in all
     * @param millis       wall-clock time
     */
    record Stats(int miterAnds, int reducedAnds, int pairs, int byStructure, int bySat, int merges, long satCalls,
                 long millis) {}
}
