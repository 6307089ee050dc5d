package kautz.isa;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Proves that one value implies another (x → y, that is x ≤ y on every row) from a small window of the
 * values they are computed from. The window is grown from {x, y} by replacing its highest node with that
 * node's fan-ins, as long as at most {@link #MAX_LEAVES} boundary nodes remain; the boundary nodes are then
 * free variables, and x → y is checked on their complete truth tables. Treating the boundary as free can
 * only add assignments that never occur, so a proof is sound; a failure proves nothing.
 *
 * <p>It is what makes an X-MAGIC gate exact: {@code nor d, a, b} computes d ∧ NOR(a, b), which is NOR(a, b)
 * whenever NOR(a, b) → d, so the init of d can be left out (and dually d ∨ f is f when d → f).
 */
public final class WindowImplication {
    private WindowImplication() {}

    /** Boundary nodes of a window at most: truth tables of 2^10 bits. */
    public static final int MAX_LEAVES = 10;
    /** Nodes expanded into a window at most. */
    public static final int MAX_EXPANSIONS = 24;

    /**
     * Values computed from values. Node numbers are topological: a node's fan-ins are smaller than it.
     */
    public interface Dag {
        /** The node's fan-ins, or null for a value known only as a free variable (an input, an unknown cell). */
        int[] fanins(int node);

        /** The node's function on words of its fan-ins' values (for a constant, of none: 0 or -1). */
        long eval(int node, long[] fanins);
    }

    /** Whether x → y is proven on a window around them. */
    public static boolean implies(Dag dag, int x, int y) {
        if (x == y) return true;
        TreeSet<Integer> leaves = new TreeSet<>();
        leaves.add(x);
        leaves.add(y);
        List<Integer> inner = new ArrayList<>(); // expanded nodes, highest first
        for (int e = 0; e < MAX_EXPANSIONS; e++) {
            Integer top = null;
            for (Integer u : leaves.descendingSet()) {
                if (dag.fanins(u) != null) { top = u; break; }
            }
            if (top == null) break;
            int[] f = dag.fanins(top);
            int added = 0;
            for (int i = 0; i < f.length; i++) {
                if (!leaves.contains(f[i]) && indexOf(f, f[i]) == i) added++;
            }
            if (leaves.size() - 1 + added > MAX_LEAVES) break;
            leaves.remove(top);
            for (int v : f) leaves.add(v);
            inner.add(top);
        }
        int k = leaves.size();
        int words = k <= 6 ? 1 : 1 << (k - 6);
        java.util.Map<Integer, long[]> tt = new java.util.HashMap<>();
        int var = 0;
        for (int leaf : leaves) tt.put(leaf, variable(var++, words));
        for (int i = inner.size() - 1; i >= 0; i--) { // lowest first: fan-ins before readers
            int u = inner.get(i);
            int[] f = dag.fanins(u);
            long[] out = new long[words];
            long[] in = new long[f.length];
            for (int w = 0; w < words; w++) {
                for (int j = 0; j < f.length; j++) in[j] = tt.get(f[j])[w];
                out[w] = dag.eval(u, in);
            }
            tt.put(u, out);
        }
        long[] a = tt.get(x), b = tt.get(y);
        long mask = k >= 6 ? -1L : (1L << (1 << k)) - 1;
        for (int w = 0; w < words; w++) if ((a[w] & ~b[w] & mask) != 0) return false;
        return true;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }

    /** Truth table of variable {@code i} over {@code words} words (minterm m's bit i). */
    private static long[] variable(int i, int words) {
        long[] t = new long[words];
        for (int w = 0; w < words; w++) {
            if (i < 6) {
                long p = switch (i) {
                    case 0 -> 0xAAAAAAAAAAAAAAAAL;
                    case 1 -> 0xCCCCCCCCCCCCCCCCL;
                    case 2 -> 0xF0F0F0F0F0F0F0F0L;
                    case 3 -> 0xFF00FF00FF00FF00L;
                    case 4 -> 0xFFFF0000FFFF0000L;
                    default -> 0xFFFFFFFF00000000L;
                };
                t[w] = p;
            } else {
                t[w] = (w >>> (i - 6) & 1) != 0 ? -1L : 0L;
            }
        }
        return t;
    }
}
