package kautz.verify;

import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.Arrays;

/**
 * A cheap, sound proof of a local equivalence without a SAT solver: grows a common cut of at most
 * {@code maxLeaves} leaves under two nodes (always expanding the latest node, so the window follows the
 * logic they share) and compares their exhaustive truth tables over the leaves. Equal tables prove the
 * nodes equal for every input, since any input assignment induces some values on the cut. Different tables
 * prove nothing (the leaves may be correlated), and the caller falls back to SAT.
 *
 * <p>Most equivalences between a network and its technology-mapped, scheduled form are local (a mapper
 * re-expresses small cuts), so this settles them in microseconds where a solver call costs milliseconds.
 */
final class WindowProof {
    private final int maxLeaves;
    /** Bounds the nodes simulated per window. */
    private final int maxWindow;
    private final int words;              // of a truth table over maxLeaves variables
    private final AigBuilder graph;
    private int[] mark = new int[1024];  // stamp per node: in the current window (leaf or inner)
    private int stamp;
    private final int[] leaves;
    private final int[] inner;
    private final long[][] table;
    private int[] slot = new int[1024];

    /** Tables over at most {@code maxLeaves} leaves and {@code maxWindow} AND nodes ({@link CecStrategy}). */
    WindowProof(AigBuilder graph, int maxLeaves, int maxWindow) {
        this.graph = graph;
        this.maxLeaves = maxLeaves;
        this.maxWindow = maxWindow;
        this.words = Math.max(1, (1 << maxLeaves) / 64);
        this.leaves = new int[maxLeaves + 2];
        this.inner = new int[maxWindow];
        this.table = new long[maxWindow + maxLeaves + 2][words];
    }

    /** With the default strategy's limits. */
    WindowProof(AigBuilder graph) { this(graph, CecStrategy.defaults().tableLeaves(), CecStrategy.defaults().tableWindow()); }

    /** True when {@code a} and {@code b} (literals) are proven equal; false means unknown. */
    boolean provesEqual(int a, int b) {
        int na = Lit.node(a), nb = Lit.node(b);
        ensure(Math.max(na, nb) + 1);
        stamp++;
        int nLeaves = 0, nInner = 0;
        leaves[nLeaves++] = na;
        mark[na] = stamp;
        if (nb != na) { leaves[nLeaves++] = nb; mark[nb] = stamp; }
        while (true) {
            int best = -1;
            for (int i = 0; i < nLeaves; i++) {
                int n = leaves[i];
                if (n > graph.numInputs() && (best < 0 || n > leaves[best])) best = i;
            }
            if (best < 0 || nInner == maxWindow) break;
            int n = leaves[best];
            int f0 = Lit.node(graph.fanin0(n)), f1 = Lit.node(graph.fanin1(n));
            int added = (mark[f0] == stamp ? 0 : 1) + (mark[f1] == stamp || f1 == f0 ? 0 : 1);
            if (nLeaves - 1 + added > maxLeaves) break;
            leaves[best] = leaves[--nLeaves];
            inner[nInner++] = n;
            if (mark[f0] != stamp) { mark[f0] = stamp; leaves[nLeaves++] = f0; }
            if (mark[f1] != stamp) { mark[f1] = stamp; leaves[nLeaves++] = f1; }
        }
        return tablesEqual(a, b, leaves, nLeaves, inner, nInner);
    }

    /**
     * True when {@code a} and {@code b} have equal truth tables over the leaves of {@code w} (a proof: the
     * leaves form a cut of both); false when they differ or the window is too large for a table.
     */
    boolean provesEqual(int a, int b, MeetingWindow w) {
        if (w.leafCount > maxLeaves || w.innerCount > maxWindow) return false;
        System.arraycopy(w.leaves, 0, leaves, 0, w.leafCount);
        System.arraycopy(w.inner, 0, inner, 0, w.innerCount);
        return tablesEqual(a, b, leaves, w.leafCount, inner, w.innerCount);
    }

    /** Compares the tables of a and b over the given cut (leaves and the inner nodes above them, in any order). */
    private boolean tablesEqual(int a, int b, int[] leaves, int nLeaves, int[] inner, int nInner) {
        int na = Lit.node(a), nb = Lit.node(b);
        ensure(graph.size());
        // leaves get projection tables; inner nodes are simulated in topological (index) order
        for (int i = 0; i < nLeaves; i++) {
            slot[leaves[i]] = i;
            projection(table[i], leaves[i] == 0 ? -1 : i);
        }
        Arrays.sort(inner, 0, nInner);
        for (int k = 0; k < nInner; k++) {
            int n = inner[k];
            int s = nLeaves + k;
            slot[n] = s;
            long[] t = table[s], x = table[slot[Lit.node(graph.fanin0(n))]], y = table[slot[Lit.node(graph.fanin1(n))]];
            long cx = Lit.isComplement(graph.fanin0(n)) ? -1L : 0L, cy = Lit.isComplement(graph.fanin1(n)) ? -1L : 0L;
            for (int w = 0; w < words; w++) t[w] = (x[w] ^ cx) & (y[w] ^ cy);
        }
        long[] ta = table[slot[na]], tb = table[slot[nb]];
        long flip = Lit.isComplement(a) != Lit.isComplement(b) ? -1L : 0L;
        for (int w = 0; w < words; w++) if (ta[w] != (tb[w] ^ flip)) return false;
        return true;
    }

    /** The truth table of leaf variable {@code v} over the table's variables; v = -1 is constant 0. */
    private static void projection(long[] t, int v) {
        if (v < 0) { Arrays.fill(t, 0L); return; }
        if (v < 6) {
            long[] base = {0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
                    0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L};
            Arrays.fill(t, base[v]);
        } else {
            int period = 1 << (v - 6);
            for (int w = 0; w < t.length; w++) t[w] = (w / period & 1) != 0 ? -1L : 0L;
        }
    }

    private void ensure(int n) {
        if (n > mark.length) {
            int size = Math.max(n, mark.length * 2);
            mark = Arrays.copyOf(mark, size);
            slot = Arrays.copyOf(slot, size);
        }
    }
}
