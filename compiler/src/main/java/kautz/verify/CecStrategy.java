package kautz.verify;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.common.primitives.ImmutableIntArray;

import java.util.EnumSet;

/**
 * The equivalence checker's strategy: which {@link ProofStep}s it takes and every threshold and window size
 * they use. The defaults are the values the measurements in docs/verify.md and docs/PERFORMANCE.md were taken
 * with; no threshold affects soundness, only which proofs are found within the budget.
 *
 * @param steps               the steps taken (a step left out is skipped wherever it would be tried)
 * @param simWords            64-pattern words of random simulation per node (filtering and candidate classes)
 * @param seed                seed of the random patterns
 * @param mergeConflicts      SAT conflicts allowed per internal merge while sweeping (a candidate that needs more is
 *                            left unmerged and the outputs are proven directly)
 * @param cexWords            signature words kept for refuted candidates' patterns (a ring of 64-pattern words)
 * @param classTableTries     class members a node's truth tables are tried against
 * @param classSatTries       class members (a neighbour first) a node's SAT proof is tried against
 * @param decorrelations      times a claimed pair's meeting window has its tied leaves expanded
 * @param tableLeaves         leaves of a truth-table window (the tables have 2^tableLeaves bits; at most 16)
 * @param tableWindow         AND nodes of a truth-table window, and of a meeting window tried by tables
 * @param satWindows          AND nodes of the newest-first SAT windows tried in turn (the last also bounds the
 *                            meeting window given to SAT): a small one settles most local rewrites, a larger one
 *                            deeper ones; beyond it Sat4j's per-call cost outweighs a merge
 * @param satThrottleBase     class SAT proofs stop once refuted and undecided candidates exceed
 * @param satThrottlePerMerge this base plus this many per merge (refutations then dominate merges)
 * @param sweepShare          share of the remaining budget a link's sweeping may use (the rest: output proofs)
 * @param nearbyDepth         fan-out steps searched above a node's fan-ins, and fan-in steps below it
 * @param nearbyCandidates    structural neighbours collected per node
 * @param swapWords           64-pattern simulation words of a local swap proof
 * @param swapConflicts       SAT conflicts of one local swap proof's merge
 * @param swapMaxUnmerged     rebuilt nodes left unmerged after which a swap is not local (a whole-copy miter checks it)
 * @param outputFirstSlice    conflicts of an output proof's first solver slice
 * @param outputMaxSlice      conflicts of an output proof's largest slice (slices double up to it)
 */
public record CecStrategy(ImmutableSet<ProofStep> steps, int simWords, long seed, int mergeConflicts, int cexWords,
                          int classTableTries, int classSatTries, int decorrelations, int tableLeaves, int tableWindow,
                          ImmutableIntArray satWindows, int satThrottleBase, int satThrottlePerMerge, double sweepShare,
                          int nearbyDepth, int nearbyCandidates, int swapWords, int swapConflicts, int swapMaxUnmerged,
                          int outputFirstSlice, int outputMaxSlice) {
    public CecStrategy {
        steps = Sets.immutableEnumSet(steps);
        positive("simWords", simWords);
        positive("mergeConflicts", mergeConflicts);
        positive("cexWords", cexWords);
        positive("tableWindow", tableWindow);
        positive("swapWords", swapWords);
        positive("swapConflicts", swapConflicts);
        positive("outputFirstSlice", outputFirstSlice);
        if (outputMaxSlice < outputFirstSlice) throw new IllegalArgumentException("outputMaxSlice below outputFirstSlice");
        if (tableLeaves < 2 || tableLeaves > 16) throw new IllegalArgumentException("tableLeaves must be 2..16, got " + tableLeaves);
        if (satWindows.isEmpty()) throw new IllegalArgumentException("at least one SAT window");
        if (!(sweepShare > 0 && sweepShare <= 1)) throw new IllegalArgumentException("sweepShare must be in (0, 1]");
        for (int v : new int[] {classTableTries, classSatTries, decorrelations, satThrottleBase, satThrottlePerMerge,
                nearbyDepth, nearbyCandidates, swapMaxUnmerged}) {
            if (v < 0) throw new IllegalArgumentException("a count below zero: " + v);
        }
    }

    private static void positive(String name, long v) {
        if (v < 1) throw new IllegalArgumentException(name + " must be at least 1, got " + v);
    }

    public static CecStrategy defaults() {
        return new CecStrategy(ImmutableSet.copyOf(EnumSet.allOf(ProofStep.class)), 16, 1, 100, 8, 16, 2, 3, 12, 400,
                ImmutableIntArray.of(256, 4000), 1000, 4, 0.5, 3, 24, 4, 100, 150, 1_000, 64_000);
    }

    public boolean on(ProofStep step) { return steps.contains(step); }

    /** The same strategy without {@code step}. */
    public CecStrategy without(ProofStep step) {
        EnumSet<ProofStep> s = EnumSet.noneOf(ProofStep.class);
        s.addAll(steps);
        s.remove(step);
        return withSteps(ImmutableSet.copyOf(s));
    }

    public CecStrategy withSteps(ImmutableSet<ProofStep> s) {
        return new CecStrategy(s, simWords, seed, mergeConflicts, cexWords, classTableTries, classSatTries, decorrelations,
                tableLeaves, tableWindow, satWindows, satThrottleBase, satThrottlePerMerge, sweepShare, nearbyDepth,
                nearbyCandidates, swapWords, swapConflicts, swapMaxUnmerged, outputFirstSlice, outputMaxSlice);
    }

    public CecStrategy withSeed(long s) {
        return new CecStrategy(steps, simWords, s, mergeConflicts, cexWords, classTableTries, classSatTries, decorrelations,
                tableLeaves, tableWindow, satWindows, satThrottleBase, satThrottlePerMerge, sweepShare, nearbyDepth,
                nearbyCandidates, swapWords, swapConflicts, swapMaxUnmerged, outputFirstSlice, outputMaxSlice);
    }

    /** The largest SAT window: the bound of a meeting window given to SAT. */
    int largestSatWindow() { return satWindows.get(satWindows.length() - 1); }
}
