package kautz.opt;

import kautz.network.Aig;

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
    record Result(Aig network, int[] oldToNew) {
        /** The input unchanged: every node is its own image. */
        public static Result unchanged(Aig input) { return new Result(input, NodeMaps.identity(input.size())); }
    }

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
