package kautz.opt;

import kautz.network.Lit;

/**
 * Node maps between networks: {@code map[n]} is the literal of another network computing node n's function,
 * or -1 for none. Passes compose them (old node → literal of the network under construction → literal of
 * the compacted result) to report {@link Pass.Result#oldToNew}.
 */
public final class NodeMaps {
    private NodeMaps() {}

    /** Every node to itself. */
    public static int[] identity(int size) {
        int[] map = new int[size];
        for (int n = 0; n < size; n++) map[n] = Lit.of(n, false);
        return map;
    }

    /** {@code second} after {@code first}: a literal of the last network per node of the first, -1 where either map has none. */
    public static int[] compose(int[] first, int[] second) {
        int[] map = new int[first.length];
        for (int n = 0; n < first.length; n++) map[n] = image(second, first[n]);
        return map;
    }

    /** The image of a literal under a node map (-1 for -1 or a node without image). */
    public static int image(int[] map, int lit) {
        if (lit < 0) return -1;
        int m = map[Lit.node(lit)];
        return m < 0 ? -1 : Lit.notIf(m, Lit.isComplement(lit));
    }
}
