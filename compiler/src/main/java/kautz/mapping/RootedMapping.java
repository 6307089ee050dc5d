package kautz.mapping;

import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;

/**
 * A mapped network and its roots: for each mapped node ({@code 0..I-1} the inputs, {@code I+g} gate g), the
 * literal of the network the mapper was given that the node computes (the AND node, in the phase the gate
 * delivers, whose cut the gate implements), or -1 (inputs, constants, the inner gates of a multi-gate formula).
 * A proof that the mapping computes its network can then start from these pairs instead of searching for them.
 */
public record RootedMapping(MappedNetwork network, ImmutableIntArray roots) {
    public static final int NONE = -1;

    public RootedMapping {
        if (roots.length() != network.numNodes()) {
            throw new IllegalArgumentException(roots.length() + " roots for " + network.numNodes() + " nodes");
        }
    }

    public int root(int node) { return roots.get(node); }
}
