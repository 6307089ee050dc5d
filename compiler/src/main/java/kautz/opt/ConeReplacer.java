package kautz.opt;

import kautz.network.Aig;
import kautz.network.Lit;

import java.util.Arrays;

/**
 * The bookkeeping shared by the passes that re-implement a node's cone over a cut (rewrite, refactor):
 * the old network with its reference counts, the new network being built and the map between them.
 * It measures what a replacement saves — the old cone's maximum fan-out-free part down to the cut, which
 * dies with the node — and what a candidate structure would add, by hash lookups that create nothing;
 * a gate already in the new network is free unless it is the image of a dying node.
 */
final class ConeReplacer {
    private final Aig aig;
    private final Strash s;
    private final int[] map;
    private final int[] refs;
    private int[] coneMark = new int[1024];
    private int[] useMark = new int[1024];
    private int coneStamp = 0, useStamp = 0;
    private int root;
    private int[] leaves = new int[16];
    private int numLeaves;
    private int[] structLits = new int[64];

    ConeReplacer(Aig aig, Strash s, int[] map) {
        this.aig = aig;
        this.s = s;
        this.map = map;
        this.refs = aig.fanoutCounts();
    }

    /** The default implementation of old node n: its own AND over the images of its fan-ins. */
    int copy(int n) { return s.and(Strash.lit(map, aig.fanin0(n)), Strash.lit(map, aig.fanin1(n))); }

    /** The new-network literal of an old node. */
    int image(int oldNode) { return map[oldNode]; }

    /** Starts measuring n's cone over the given leaves; returns how many ANDs die with n. End with {@link #endCone}. */
    int beginCone(int n, int[] cutLeaves, int count) {
        if (leaves.length < count) leaves = new int[count];
        System.arraycopy(cutLeaves, 0, leaves, 0, count);
        numLeaves = count;
        coneStamp++;
        root = n;
        return deref(n);
    }

    void endCone() { ref(root); }

    /**
     * ANDs that {@code structure} (inputs fed by {@code inputLits}, constant 0 for unused ones) would add;
     * counting stops at {@code limit}.
     */
    int countAdded(Aig structure, int[] inputLits, int limit) {
        load(structure, inputLits);
        int added = 0;
        useStamp++;
        for (int k = structure.firstAnd(); k < structure.size(); k++) {
            int x = structLit(structure.fanin0(k)), y = structLit(structure.fanin1(k));
            int found = x < 0 || y < 0 ? -1 : s.lookup(x, y);
            if (found < 0) {
                added++;
                structLits[k] = -2; // virtual: anything built on it is new too
            } else {
                int node = Lit.node(found);
                if (node < coneMark.length && coneMark[node] == coneStamp && useMark[node] != useStamp) {
                    added++; // reusing a node of the dying cone keeps it alive
                    useMark[node] = useStamp;
                }
                structLits[k] = found;
            }
            if (added >= limit) return added;
        }
        return added;
    }

    /** Builds the structure into the new network; returns its output literal (complemented if asked). */
    int build(Aig structure, int[] inputLits, boolean negateOutput) {
        load(structure, inputLits);
        for (int k = structure.firstAnd(); k < structure.size(); k++) {
            structLits[k] = s.and(structLit(structure.fanin0(k)), structLit(structure.fanin1(k)));
        }
        return Lit.notIf(structLit(structure.output(0)), negateOutput);
    }

    private void load(Aig structure, int[] inputLits) {
        if (structLits.length < structure.size()) structLits = new int[structure.size()];
        structLits[0] = Lit.FALSE;
        for (int i = 0; i < structure.numInputs(); i++) structLits[i + 1] = inputLits[i];
    }

    private int structLit(int lit) {
        int v = structLits[Lit.node(lit)];
        return v < 0 ? -1 : Lit.notIf(v, Lit.isComplement(lit));
    }

    private int deref(int n) {
        int count = 1;
        markImage(n);
        for (int k = 0; k < 2; k++) {
            int m = Lit.node(k == 0 ? aig.fanin0(n) : aig.fanin1(n));
            if (!aig.isAnd(m) || isLeaf(m)) continue;
            if (--refs[m] == 0) count += deref(m);
        }
        return count;
    }

    private void ref(int n) {
        for (int k = 0; k < 2; k++) {
            int m = Lit.node(k == 0 ? aig.fanin0(n) : aig.fanin1(n));
            if (!aig.isAnd(m) || isLeaf(m)) continue;
            if (refs[m]++ == 0) ref(m);
        }
    }

    private void markImage(int oldNode) {
        if (oldNode == root) return; // not built yet: its implementation is being chosen
        int img = Lit.node(map[oldNode]);
        if (!s.isAnd(img)) return;
        if (img >= coneMark.length) {
            int cap = Math.max(img + 1, coneMark.length * 2);
            coneMark = Arrays.copyOf(coneMark, cap);
            useMark = Arrays.copyOf(useMark, cap);
        }
        coneMark[img] = coneStamp;
    }

    private boolean isLeaf(int m) {
        for (int i = 0; i < numLeaves; i++) if (leaves[i] == m) return true;
        return false;
    }
}
