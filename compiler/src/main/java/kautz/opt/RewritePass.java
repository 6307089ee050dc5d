package kautz.opt;

import kautz.network.Aig;
import kautz.network.Lit;

import java.util.List;
import java.util.Map;

/**
 * Cut-based rewriting (after ABC's {@code rewrite}): for every AND, each 4-input cut's function is looked up
 * by NPN class in {@link RewriteLibrary}, and the node is re-implemented by the structure that saves the
 * most ANDs: the nodes that die with the old cone (its maximum fan-out-free cone within the cut) minus
 * the nodes the structure adds (those not already in the network, found by structural hashing). Only
 * strict gains are taken. The network is rebuilt in one topological sweep; a result that is not smaller
 * than the input is discarded, so the pass never grows the network.
 */
public record RewritePass(int cutsPerNode) implements Pass {
    public static final int DEFAULT_CUTS = 8;

    public static final PassInfo INFO = new PassInfo("rewrite",
            "cut-based rewriting with 4-input cuts and precomputed NPN-class structures (reduces ANDs)",
            """
            For each AND node, enumerates up to `cuts` 4-input cuts, classifies each cut's function into one of
            the 222 NPN classes and tries the precomputed small AIG structures of that class in the node's
            place. A replacement is taken when it removes more ANDs than it adds (counting nodes the network
            already has as free). Never increases the AND count; may change depth (follow with balance).""",
            List.of(new PassInfo.Option("cuts", String.valueOf(DEFAULT_CUTS), "cuts kept per node (1..32)")),
            opts -> new RewritePass(Passes.intOption("rewrite", opts, "cuts", DEFAULT_CUTS, 1, 32)));

    @Override public String name() { return INFO.name(); }

    @Override
    public Map<String, String> options() {
        return cutsPerNode == DEFAULT_CUTS ? Map.of() : Map.of("cuts", String.valueOf(cutsPerNode));
    }

    @Override
    public Aig run(Aig aig) {
        Cuts cuts = new Cuts(aig, cutsPerNode);
        int[] refs = aig.fanoutCounts();
        Strash s = new Strash(aig.numInputs(), aig.numAnds());
        int[] map = new int[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) map[i + 1] = s.input(i);
        Rewriter r = new Rewriter(aig, s, map, refs);
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            map[n] = r.bestImplementation(n, cuts);
        }
        Aig result = s.toAig(Strash.outputs(aig, map), aig);
        return result.numAnds() < aig.numAnds() ? result : aig;
    }

    /** The per-run working state of the sweep. */
    private static final class Rewriter {
        private final Aig aig;
        private final Strash s;
        private final int[] map;
        private final int[] refs;
        private int[] coneMark = new int[1024]; // new-network nodes that are images of the cone being replaced
        private int[] useMark = new int[1024];  // dying nodes a candidate structure reuses, counted once
        private int coneStamp = 0, useStamp = 0;
        private int root;
        private final int[] leafLits = new int[4];
        private final int[] cutLeaves = new int[4];
        private int[] structLits = new int[64];

        Rewriter(Aig aig, Strash s, int[] map, int[] refs) {
            this.aig = aig;
            this.s = s;
            this.map = map;
            this.refs = refs;
        }

        int bestImplementation(int n, Cuts cuts) {
            int bestGain = 0;
            RewriteLibrary.Structure best = null;
            int bestTransform = 0, bestCut = -1;
            for (int c = 0; c < cuts.count(n); c++) {
                int size = cuts.size(n, c);
                if (size < 2) continue; // a cut of one leaf is a wire or an inverter: strash has done it
                for (int i = 0; i < size; i++) cutLeaves[i] = cuts.leaf(n, c, i);
                int tt = cuts.table(n, c);
                int freed = markCone(n, size);
                if (freed <= 1) { unmarkCone(n, size); continue; } // one AND cannot be beaten by a structure
                int rep = Npn4.representative(tt), t = Npn4.transform(tt);
                setLeafLits(size, t);
                for (RewriteLibrary.Structure st : RewriteLibrary.structures(rep)) {
                    int added = countAdded(st, freed - bestGain);
                    int gain = freed - added;
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = st;
                        bestTransform = t;
                        bestCut = c;
                    }
                }
                unmarkCone(n, size);
            }
            if (best == null) return s.and(Strash.lit(map, aig.fanin0(n)), Strash.lit(map, aig.fanin1(n)));
            int size = cuts.size(n, bestCut);
            for (int i = 0; i < size; i++) cutLeaves[i] = cuts.leaf(n, bestCut, i);
            setLeafLits(size, bestTransform);
            return buildStructure(best, bestTransform);
        }

        /** Structure input i reads leaf p[i], negated if the transform negates input i; absent leaves are unused. */
        private void setLeafLits(int size, int t) {
            for (int i = 0; i < 4; i++) {
                int p = Npn4.perm(t, i);
                leafLits[i] = p < size ? Lit.notIf(map[cutLeaves[p]], Npn4.negatesInput(t, i)) : Lit.FALSE;
            }
        }

        /** ANDs the structure would add (not found in the network or found among nodes about to die); stops past {@code limit}. */
        private int countAdded(RewriteLibrary.Structure st, int limit) {
            Aig a = st.aig();
            if (structLits.length < a.size()) structLits = new int[a.size()];
            structLits[0] = Lit.FALSE;
            for (int i = 0; i < 4; i++) structLits[i + 1] = leafLits[i];
            int added = 0;
            useStamp++;
            for (int k = a.firstAnd(); k < a.size(); k++) {
                int x = structLit(a.fanin0(k)), y = structLit(a.fanin1(k));
                int found = x < 0 || y < 0 ? -1 : s.lookup(x, y);
                if (found < 0) {
                    added++;
                    structLits[k] = -2; // a virtual node: anything built on it is new too
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

        private int structLit(int lit) {
            int v = structLits[Lit.node(lit)];
            return v < 0 ? -1 : Lit.notIf(v, Lit.isComplement(lit));
        }

        private int buildStructure(RewriteLibrary.Structure st, int t) {
            Aig a = st.aig();
            if (structLits.length < a.size()) structLits = new int[a.size()];
            structLits[0] = Lit.FALSE;
            for (int i = 0; i < 4; i++) structLits[i + 1] = leafLits[i];
            for (int k = a.firstAnd(); k < a.size(); k++) {
                structLits[k] = s.and(structLit(a.fanin0(k)), structLit(a.fanin1(k)));
            }
            return Lit.notIf(structLit(a.output(0)), Npn4.negatesOutput(t));
        }

        // ---- the cone that dies with n (maximum fan-out-free cone within the cut) ----

        /** Dereferences n's cone down to the cut, marks the images of dying nodes, returns how many die. */
        private int markCone(int n, int size) {
            coneStamp++;
            root = n;
            return deref(n, size);
        }

        private int deref(int n, int size) {
            int count = 1;
            markImage(n);
            for (int k = 0; k < 2; k++) {
                int m = Lit.node(k == 0 ? aig.fanin0(n) : aig.fanin1(n));
                if (!aig.isAnd(m) || isLeaf(m, size)) continue;
                if (--refs[m] == 0) count += deref(m, size);
            }
            return count;
        }

        private void unmarkCone(int n, int size) { ref(n, size); }

        private void ref(int n, int size) {
            for (int k = 0; k < 2; k++) {
                int m = Lit.node(k == 0 ? aig.fanin0(n) : aig.fanin1(n));
                if (!aig.isAnd(m) || isLeaf(m, size)) continue;
                if (refs[m]++ == 0) ref(m, size);
            }
        }

        private void markImage(int oldNode) {
            if (oldNode == root) return; // not built yet: its implementation is being chosen
            int img = Lit.node(map[oldNode]);
            if (!s.isAnd(img)) return;
            if (img >= coneMark.length) {
                int cap = Math.max(img + 1, coneMark.length * 2);
                coneMark = java.util.Arrays.copyOf(coneMark, cap);
                useMark = java.util.Arrays.copyOf(useMark, cap);
            }
            coneMark[img] = coneStamp;
        }

        private boolean isLeaf(int m, int size) {
            for (int i = 0; i < size; i++) if (cutLeaves[i] == m) return true;
            return false;
        }
    }
}
