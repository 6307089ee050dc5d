package kautz.opt;

import kautz.network.Aig;

import java.util.List;
import java.util.Map;

/**
 * An optimisation pass over the logic network. A pass is a value: its options are fixed when it is
 * created, {@link #run} never mutates its input and no pass keeps static state, so passes compose freely
 * in a {@link Pipeline} and may run concurrently on different networks.
 */
public interface Pass {
    /** The token naming the pass in a script, e.g. {@code rewrite}. */
    String name();

    /** Non-default options, printed back as {@code name{key=value}} so scripts round-trip. */
    Map<String, String> options();

    /** Returns the optimised network; the result computes the same function with the same names. */
    default Aig run(Aig input) { return runTracked(input).network(); }

    /**
     * Runs the pass and says where each input node went: the verifier's hints (the node a rewritten node
     * replaces), so it proves each claimed pair instead of searching for it. Same network as {@link #run}.
     */
    Result runTracked(Aig input);

    /**
     * What a pass produced: the network and, for each node {@code n} of the input network,
     * {@code oldToNew[n]}, the literal of {@code network} claimed to compute the same function as n, or -1
     * when n has no image (it was merged into a rebuilt tree or its logic disappeared). Claims are exact for
     * every input (each pass knows why they hold); the verifier still proves them.
     */
    record Result(Aig network, int[] oldToNew, List<Checkpoint> checkpoints) {
        public Result {
            checkpoints = List.copyOf(checkpoints);
            if (!checkpoints.isEmpty() && checkpoints.get(checkpoints.size() - 1).network() != network) {
                throw new IllegalArgumentException("the last checkpoint is the result");
            }
        }

        /** A result without checkpoints. */
        public Result(Aig network, int[] oldToNew) { this(network, oldToNew, List.of()); }

        /** The input unchanged: every node is its own image. */
        public static Result unchanged(Aig input) { return new Result(input, NodeMaps.identity(input.size())); }
    }

    /**
     * A network a pass went through, for the verifier: a pass whose edits build on each other (resubstitution
     * replaces a node by logic that a later edit may replace again) proves hard to check in one step, because
     * a claim then holds only through several edits and the window where the two sides meet has correlated
     * leaves. Such a pass works in rounds of edits that do not touch each other's logic and records the
     * network after each round; each round is then a set of local claims the verifier checks by itself
     * (input ≡ checkpoint 1 ≡ … ≡ result; the last checkpoint is the result).
     *
     * @param network  the network after the round
     * @param claims   per node of {@code network}, the literal of the previous checkpoint (the pass's input for
     *                 the first) it computes, or -1 for logic the round built inside a replacement
     */
    record Checkpoint(Aig network, int[] claims) {}

    /** The pass as it appears in a script. */
    default String spec() {
        if (options().isEmpty()) return name();
        StringBuilder sb = new StringBuilder(name()).append('{');
        String sep = "";
        for (var e : options().entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ", ";
        }
        return sb.append('}').toString();
    }
}
