package kautz.verify;

import java.util.Locale;

/**
 * The steps of the equivalence checker's strategy, in the order it tries them (docs/verify.md). Each can be
 * switched off ({@link CecStrategy#without}); every step is a proof or an exact counterexample on its own, so
 * switching one off can only leave more to the later steps (or undecided), never change a proven answer.
 */
public enum ProofStep {
    /** Random simulation of the miter: a difference on a pattern is a counterexample without a solver. */
    SIMULATION,
    /** A node's claimed partner ({@link Partners}), by truth tables over the newest-first and the meeting window. */
    CLAIM_TABLES,
    /** A claimed pair whose tables differ, again with the meeting window's tied leaves expanded ({@link MeetingWindow#decorrelate}). */
    DECORRELATE,
    /** A claimed pair still unproven, over a reconvergence-driven common cut ({@link MeetingWindow#buildCut}). */
    COMMON_CUT,
    /** A claimed pair still unproven, by SAT over the meeting window, then over newest-first windows. */
    CLAIM_SAT,
    /** A node's structural neighbours ({@link NearbyNodes}) with its simulation signature, by truth tables. */
    NEIGHBOUR_TABLES,
    /** Members of the node's simulation class, newest first, by truth tables. */
    CLASS_TABLES,
    /** A few members of the class (a neighbour first) by SAT over bounded windows, while merges keep paying. */
    CLASS_SAT,
    /** Output pairs left different after sweeping, by incremental SAT with the remaining budget. */
    OUTPUT_SAT,
    /** Outputs rebuilt as totally symmetric functions, by swap miters and weight rows ({@link SymmetryProof}). */
    SYMMETRY,
    /** A swap of two inputs proven where the swapped copy meets the original again ({@link SwapProof}). */
    LOCAL_SWAP;

    /** The step's name in output: {@code claim-tables}. */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
