package kautz.mapping;

import kautz.network.Aig;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Priority cuts of at most four leaves for every AND node, each with its function as a 16-bit truth table
 * over the leaves (leaf i is input x_i of {@link NorFormulas}). A node keeps its {@code limit} smallest
 * cuts by number of leaves, then by how early their leaves are, plus the trivial cut that its users merge.
 */
final class Cuts {
    static final int K = 4;
    private static final int[] MASK = {0x5555, 0x3333, 0x0F0F, 0x00FF};

    /** One cut: sorted leaf nodes and the root's function over them. */
    record Cut(int[] leaves, int function) {}

    private final Cut[][] cuts;

    Cuts(Aig aig, int limit) {
        cuts = new Cut[aig.size()][];
        for (int n = 0; n <= aig.numInputs(); n++) cuts[n] = new Cut[] {new Cut(new int[] {n}, NorFormulas.VARS[0])};
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            int f0 = aig.fanin0(n);
            int f1 = aig.fanin1(n);
            List<Cut> found = new ArrayList<>();
            for (Cut a : cuts[Lit.node(f0)]) {
                for (Cut b : cuts[Lit.node(f1)]) {
                    int[] leaves = union(a.leaves, b.leaves);
                    if (leaves == null || contains(found, leaves)) continue;
                    int ta = expand(a, leaves);
                    int tb = expand(b, leaves);
                    if (Lit.isComplement(f0)) ta = ~ta & 0xFFFF;
                    if (Lit.isComplement(f1)) tb = ~tb & 0xFFFF;
                    found.add(new Cut(leaves, ta & tb));
                }
            }
            found.sort((x, y) -> x.leaves.length != y.leaves.length ? Integer.compare(x.leaves.length, y.leaves.length)
                    : Integer.compare(sum(y.leaves), sum(x.leaves)));
            List<Cut> kept = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
            kept.add(new Cut(new int[] {n}, NorFormulas.VARS[0]));
            cuts[n] = kept.toArray(new Cut[0]);
        }
    }

    /** The non-trivial cuts of an AND node. */
    List<Cut> of(int node) {
        Cut[] c = cuts[node];
        return Arrays.asList(c).subList(0, c.length - 1);
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int x : a) s += x;
        return s;
    }

    private static boolean contains(List<Cut> cuts, int[] leaves) {
        for (Cut c : cuts) if (Arrays.equals(c.leaves, leaves)) return true;
        return false;
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = new int[K];
        int i = 0, j = 0, n = 0;
        while (i < a.length || j < b.length) {
            int next;
            if (j == b.length || (i < a.length && a[i] < b[j])) next = a[i++];
            else if (i == a.length || b[j] < a[i]) next = b[j++];
            else { next = a[i++]; j++; }
            if (n == K) return null;
            out[n++] = next;
        }
        return Arrays.copyOf(out, n);
    }

    /** The cut's function re-expressed over a superset of its leaves. */
    private static int expand(Cut c, int[] leaves) {
        int[] pos = new int[c.leaves.length];
        for (int i = 0, j = 0; i < c.leaves.length; i++) {
            while (leaves[j] != c.leaves[i]) j++;
            pos[i] = j;
        }
        int out = 0;
        for (int m = 0; m < 16; m++) {
            int sub = 0;
            for (int i = 0; i < pos.length; i++) sub |= (m >>> pos[i] & 1) << i;
            if ((c.function >>> sub & 1) != 0) out |= 1 << m;
        }
        return out;
    }

    /** The function with input {@code i} complemented. */
    static int flipInput(int f, int i) {
        int s = 1 << i;
        return ((f & MASK[i]) << s) | ((f >>> s) & MASK[i]);
    }
}
