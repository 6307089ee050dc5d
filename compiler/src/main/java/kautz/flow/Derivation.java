package kautz.flow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.primitives.ImmutableIntArray;
import kautz.network.Aig;
import kautz.opt.Pipeline;

/**
 * How the flow arrived at the network it scheduled, recorded when asked ({@link Flow#compileRecorded}): the
 * networks a proof can go through from the source to the mapped network, each related to the one before by
 * claims the producing stage made. The verifier builds its chain from this record instead of re-running the
 * flow's choices; it proves every link and every claim, so a wrong record can fail a proof but never pass one.
 */
public sealed interface Derivation {
    /** The netlist's gates were scheduled as written: nothing lies between the source and the mapped network. */
    record AsWritten() implements Derivation {}

    /**
     * The mapper's output for the network after {@code steps} (the optimisation passes the kept candidate ran, in
     * order, each with its checkpoints; empty when the source itself was mapped).
     *
     * @param roots per mapped node, the literal of the mapped network's input (the last step's network, or the
     *              source) the node computes, or -1 ({@link kautz.mapping.RootedMapping})
     */
    record Mapped(ImmutableList<Pipeline.Step> steps, ImmutableIntArray roots) implements Derivation {}

    /**
     * The program did not fit the row, so {@code pass} rebuilt the source's {@code symmetric} outputs as
     * counters ({@code network}), which was mapped as generated.
     *
     * @param roots per mapped node, the literal of {@code network} it computes, or -1
     */
    record Resynthesised(String pass, Aig network, ImmutableSet<String> symmetric, ImmutableIntArray roots)
            implements Derivation {}
}
