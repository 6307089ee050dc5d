package kautz.opt;

import kautz.network.Aig;
import kautz.network.Lit;

/**
 * The 4-feasible cuts of every node of an {@link Aig}, with their truth tables: a cut of node n is a set of
 * at most four nodes (its leaves) such that every path from an input to n passes through a leaf. Cuts of
 * an AND are merged from its fan-ins' cuts; dominated cuts (supersets of another) are dropped and at most
 * {@code limit} of the smallest are kept per node, besides the trivial cut {n} that its fan-outs use.
 * Stored flat (no object per cut) so large networks stay cheap.
 */
final class Cuts {
    static final int K = 4;

    private final int limit;
    private final int[] count;     // non-trivial cuts per node
    private final int[] leaves;    // [node][cut][K]
    private final byte[] sizes;    // [node][cut]
    private final char[] tables;   // [node][cut]

    Cuts(Aig aig, int limit) {
        this.limit = limit;
        int n = aig.size();
        count = new int[n];
        leaves = new int[n * limit * K];
        sizes = new byte[n * limit];
        tables = new char[n * limit];
        int[] candLeaves = new int[(limit + 1) * (limit + 1) * K];
        int[] candSize = new int[(limit + 1) * (limit + 1)];
        int[] candTable = new int[(limit + 1) * (limit + 1)];
        int[] a = new int[K], b = new int[K], merged = new int[K];
        for (int node = aig.firstAnd(); node < n; node++) {
            int f0 = aig.fanin0(node), f1 = aig.fanin1(node);
            int n0 = Lit.node(f0), n1 = Lit.node(f1);
            int c = 0;
            for (int i = -1; i < count[n0]; i++) {          // -1 is the trivial cut {n0}
                int sa = cut(aig, n0, i, a);
                int ta = i < 0 ? trivialTable(n0) : table(n0, i);
                for (int j = -1; j < count[n1]; j++) {
                    int sb = cut(aig, n1, j, b);
                    int sm = merge(a, sa, b, sb, merged);
                    if (sm < 0) continue;
                    int tb = j < 0 ? trivialTable(n1) : table(n1, j);
                    int t0 = expand(ta, a, sa, merged, sm), t1 = expand(tb, b, sb, merged, sm);
                    if (Lit.isComplement(f0)) t0 = ~t0 & 0xFFFF;
                    if (Lit.isComplement(f1)) t1 = ~t1 & 0xFFFF;
                    if (dominated(candLeaves, candSize, c, merged, sm)) continue;
                    System.arraycopy(merged, 0, candLeaves, c * K, K);
                    candSize[c] = sm;
                    candTable[c] = t0 & t1;
                    c++;
                }
            }
            // keep the smallest cuts first (stable by discovery order)
            int kept = 0;
            for (int size = 0; size <= K && kept < limit; size++) {
                for (int k = 0; k < c && kept < limit; k++) {
                    if (candSize[k] != size || candSize[k] < 0) continue;
                    int slot = node * limit + kept;
                    System.arraycopy(candLeaves, k * K, leaves, slot * K, K);
                    sizes[slot] = (byte) size;
                    tables[slot] = (char) candTable[k];
                    kept++;
                }
            }
            count[node] = kept;
        }
    }

    int count(int node) { return count[node]; }
    int size(int node, int cut) { return sizes[node * limit + cut]; }
    int leaf(int node, int cut, int i) { return leaves[(node * limit + cut) * K + i]; }
    int table(int node, int cut) { return tables[node * limit + cut]; }

    /** Leaves of cut i of node (i = -1: the trivial cut; the constant node has the empty cut). */
    private int cut(Aig aig, int node, int i, int[] out) {
        if (i < 0) {
            if (node == 0) return 0;
            out[0] = node;
            return 1;
        }
        int base = (node * limit + i) * K;
        int s = sizes[node * limit + i];
        System.arraycopy(leaves, base, out, 0, s);
        return s;
    }

    private static int trivialTable(int node) { return node == 0 ? 0 : 0xAAAA; }

    /** Sorted union of two sorted leaf sets, or -1 if larger than K. */
    private static int merge(int[] a, int sa, int[] b, int sb, int[] out) {
        int i = 0, j = 0, k = 0;
        while (i < sa || j < sb) {
            int v;
            if (j >= sb || i < sa && a[i] < b[j]) v = a[i++];
            else if (i >= sa || b[j] < a[i]) v = b[j++];
            else { v = a[i++]; j++; }
            if (k == K) return -1;
            out[k++] = v;
        }
        return k;
    }

    /** Re-expresses a table over {@code from} leaves as a table over the superset {@code to}. */
    private static int expand(int t, int[] from, int sf, int[] to, int st) {
        if (sf == st) return t; // same sorted set
        int[] pos = new int[sf];
        for (int i = 0, j = 0; i < sf; i++) {
            while (to[j] != from[i]) j++;
            pos[i] = j;
        }
        int r = 0;
        for (int m = 0; m < 16; m++) {
            int cm = 0;
            for (int i = 0; i < sf; i++) cm |= (m >>> pos[i] & 1) << i;
            r |= (t >>> cm & 1) << m;
        }
        return r;
    }

    /** True if an earlier candidate is a subset of this one; marks candidates that are supersets of it dead. */
    private static boolean dominated(int[] cl, int[] cs, int c, int[] m, int sm) {
        for (int k = 0; k < c; k++) {
            if (cs[k] < 0) continue;
            if (cs[k] <= sm && subset(cl, k * K, cs[k], m, 0, sm)) return true;
            if (sm < cs[k] && subset(m, 0, sm, cl, k * K, cs[k])) cs[k] = -1;
        }
        return false;
    }

    private static boolean subset(int[] x, int xo, int sx, int[] y, int yo, int sy) {
        int j = 0;
        for (int i = 0; i < sx; i++) {
            while (j < sy && y[yo + j] < x[xo + i]) j++;
            if (j == sy || y[yo + j] != x[xo + i]) return false;
        }
        return true;
    }
}
