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
    Aig run(Aig input);

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
