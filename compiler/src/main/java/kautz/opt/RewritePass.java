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
public record RewritePass(int cutsPerNode, boolean zeroGain) implements Pass {
    public static final int DEFAULT_CUTS = 8;

    public RewritePass(int cutsPerNode) { this(cutsPerNode, false); }

    public static final PassInfo INFO = new PassInfo("rewrite",
            "cut-based rewriting with 4-input cuts and precomputed NPN-class structures (reduces ANDs)",
            """
            For each AND node, enumerates up to `cuts` 4-input cuts, classifies each cut's function into one of
            the 222 NPN classes and tries the precomputed small AIG structures of that class in the node's
            place. A replacement is taken when it removes more ANDs than it adds (counting nodes the network
            already has as free). Never increases the AND count; may change depth (follow with balance).
            With zero=1 (ABC's rewrite -z) replacements that save nothing are taken too: the network changes
            shape at the same size, which lets later passes find gains the old shape hid.""",
            List.of(new PassInfo.Option("cuts", String.valueOf(DEFAULT_CUTS), "cuts kept per node (1..32)"),
                    new PassInfo.Option("zero", "0", "1: also take zero-gain replacements")),
            opts -> new RewritePass(Passes.intOption("rewrite", opts, "cuts", DEFAULT_CUTS, 1, 32),
                    Passes.intOption("rewrite", opts, "zero", 0, 0, 1) == 1));

    @Override public String name() { return INFO.name(); }

    @Override
    public Map<String, String> options() {
        var m = new java.util.LinkedHashMap<String, String>();
        if (cutsPerNode != DEFAULT_CUTS) m.put("cuts", String.valueOf(cutsPerNode));
        if (zeroGain) m.put("zero", "1");
        return m;
    }

    @Override
    public Result runTracked(Aig aig) {
        Cuts cuts = new Cuts(aig, cutsPerNode);
        Strash s = new Strash(aig.numInputs(), aig.numAnds());
        int[] map = new int[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) map[i + 1] = s.input(i);
        ConeReplacer r = new ConeReplacer(aig, s, map);
        int[] leaves = new int[Cuts.K];
        int[] inputs = new int[4];
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            int bestGain = zeroGain ? -1 : 0, bestCut = -1, bestTransform = 0;
            RewriteLibrary.Structure best = null;
            for (int c = 0; c < cuts.count(n); c++) {
                int size = cuts.size(n, c);
                if (size < 2) continue; // a one-leaf cut is a wire or an inverter: strash has done it
                for (int i = 0; i < size; i++) leaves[i] = cuts.leaf(n, c, i);
                int freed = r.beginCone(n, leaves, size);
                int tt = cuts.table(n, c);
                int t = Npn4.transform(tt);
                structureInputs(r, leaves, size, t, inputs);
                for (RewriteLibrary.Structure st : RewriteLibrary.structures(Npn4.representative(tt))) {
                    int gain = freed - r.countAdded(st.aig(), inputs, freed - bestGain);
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = st;
                        bestTransform = t;
                        bestCut = c;
                    }
                }
                r.endCone();
            }
            if (best == null) {
                map[n] = r.copy(n);
                continue;
            }
            int size = cuts.size(n, bestCut);
            for (int i = 0; i < size; i++) leaves[i] = cuts.leaf(n, bestCut, i);
            structureInputs(r, leaves, size, bestTransform, inputs);
            map[n] = r.build(best.aig(), inputs, Npn4.negatesOutput(bestTransform));
        }
        Result result = s.result(Strash.outputs(aig, map), aig, map);
        int ands = result.network().numAnds();
        return ands < aig.numAnds() || zeroGain && ands == aig.numAnds() ? result : Result.unchanged(aig);
    }

    /** Structure input i reads leaf p[i], negated if the transform negates input i; absent leaves are unused. */
    private static void structureInputs(ConeReplacer r, int[] leaves, int size, int t, int[] out) {
        for (int i = 0; i < 4; i++) {
            int p = Npn4.perm(t, i);
            out[i] = p < size ? Lit.notIf(r.image(leaves[p]), Npn4.negatesInput(t, i)) : Lit.FALSE;
        }
    }
}
