package kautz.network;

/**
 * Signals of an {@link Aig} are literals: {@code node << 1 | complement}. Literal 0 is constant false and
 * literal 1 constant true (node 0 is the constant node). Static helpers only; literals stay plain ints so
 * that large networks cost no objects per edge.
 */
public final class Lit {
    public static final int FALSE = 0;
    public static final int TRUE = 1;

    private Lit() {}

    public static int of(int node, boolean complement) { return node << 1 | (complement ? 1 : 0); }
    public static int node(int lit) { return lit >>> 1; }
    public static boolean isComplement(int lit) { return (lit & 1) != 0; }
    public static int not(int lit) { return lit ^ 1; }
    public static int notIf(int lit, boolean c) { return c ? lit ^ 1 : lit; }
    public static int regular(int lit) { return lit & ~1; }
    public static boolean isConstant(int lit) { return lit >>> 1 == 0; }
}
