package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Refactoring (after ABC's {@code refactor}): each AND's larger, reconvergence-driven cut (up to six
 * leaves) is collapsed into a truth table and re-expressed as a factored irredundant sum of products
 * ({@link Sop6}) of the function or of its complement; the node takes the new form when it adds fewer ANDs
 * than die with the old cone. Only strict gains are taken and a result that is not smaller is discarded.
 */
public record RefactorPass(int maxLeaves, boolean zeroGain) implements Pass {
    public static final int DEFAULT_LEAVES = 6;

    public RefactorPass(int maxLeaves) { this(maxLeaves, false); }

    public static final PassInfo INFO = new PassInfo("refactor",
            "collapse 6-input reconvergent cones into factored SOPs where that saves ANDs",
            """
            For each AND, grows a cut by expanding the leaf that adds fewest new leaves (so reconvergent
            paths fall inside), up to `leaves` leaves; computes the cone's truth table, factors an
            irredundant cover of it and of its complement, and keeps the smaller form when it adds fewer
            ANDs than the old cone frees. Complements rewrite, whose cuts have only four leaves. With zero=1
            (ABC's refactor -z) forms that save nothing are taken too, reshaping the network at equal size.""",
            List.of(new PassInfo.Option("leaves", String.valueOf(DEFAULT_LEAVES), "largest cut (3..6)"),
                    new PassInfo.Option("zero", "0", "1: also take zero-gain replacements")),
            opts -> new RefactorPass(Passes.intOption("refactor", opts, "leaves", DEFAULT_LEAVES, 3, 6),
                    Passes.intOption("refactor", opts, "zero", 0, 0, 1) == 1));

    @Override public String name() { return INFO.name(); }

    @Override
    public Map<String, String> options() {
        var m = new java.util.LinkedHashMap<String, String>();
        if (maxLeaves != DEFAULT_LEAVES) m.put("leaves", String.valueOf(maxLeaves));
        if (zeroGain) m.put("zero", "1");
        return m;
    }

    @Override
    public Result runTracked(Aig aig) {
        Strash s = new Strash(aig.numInputs(), aig.numAnds());
        int[] map = new int[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) map[i + 1] = s.input(i);
        ConeReplacer r = new ConeReplacer(aig, s, map);
        CutGrower grower = new CutGrower(aig, maxLeaves);
        int[] inputs = new int[6];
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            int k = grower.grow(n);
            if (k < 3) {
                map[n] = r.copy(n);
                continue;
            }
            int freed = r.beginCone(n, grower.leaves, k);
            Aig best = null;
            int bestGain = zeroGain ? -1 : 0;
            if (freed >= 2) {
                long tt = grower.truthTable(n);
                for (int i = 0; i < 6; i++) inputs[i] = i < k ? r.image(grower.leaves[i]) : Lit.FALSE;
                for (boolean complement : new boolean[]{false, true}) {
                    Aig candidate = factored(complement ? ~tt : tt, complement);
                    if (candidate.numAnds() >= freed + 8) continue; // hopeless even with much sharing
                    int gain = freed - r.countAdded(candidate, inputs, freed - bestGain);
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = candidate;
                    }
                }
            }
            r.endCone();
            map[n] = best == null ? r.copy(n) : r.build(best, inputs, false);
        }
        Result result = s.result(Strash.outputs(aig, map), aig, map);
        int ands = result.network().numAnds();
        return ands < aig.numAnds() || zeroGain && ands == aig.numAnds() ? result : Result.unchanged(aig);
    }

    /** The factored cover of f over six inputs, its output negated if f is the complement of the target. */
    private static Aig factored(long f, boolean negate) {
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < 6; i++) b.addInput("x" + i);
        b.addOutput("f", Lit.notIf(Sop6.factor(b, Sop6.isop(f)), negate));
        return b.build();
    }

    /** Grows reconvergence-driven cuts and simulates cones over them (reused across nodes). */
    private static final class CutGrower {
        private final Aig aig;
        private final int max;
        final int[] leaves = new int[6];
        private int count;
        private final int[] visited;
        private int stamp;
        private int[] cone = new int[64];
        private int coneSize;
        private final long[] value;

        CutGrower(Aig aig, int max) {
            this.aig = aig;
            this.max = max;
            this.visited = new int[aig.size()];
            this.value = new long[aig.size()];
        }

        /** Grows the cut of n; returns its number of leaves, or 0 if it exceeds the limit from the start. */
        int grow(int n) {
            stamp++;
            count = 0;
            coneSize = 0;
            visited[n] = stamp;
            addLeaf(Lit.node(aig.fanin0(n)));
            addLeaf(Lit.node(aig.fanin1(n)));
            while (true) {
                int best = -1, bestCost = Integer.MAX_VALUE;
                for (int i = 0; i < count; i++) {
                    int l = leaves[i];
                    if (!aig.isAnd(l)) continue;
                    int cost = -1;
                    if (visited[Lit.node(aig.fanin0(l))] != stamp) cost++;
                    if (visited[Lit.node(aig.fanin1(l))] != stamp && Lit.node(aig.fanin1(l)) != Lit.node(aig.fanin0(l))) cost++;
                    if (cost < bestCost) { bestCost = cost; best = i; }
                }
                if (best < 0 || count + bestCost > max) break;
                int l = leaves[best];
                leaves[best] = leaves[--count];
                if (coneSize == cone.length) cone = Arrays.copyOf(cone, coneSize * 2);
                cone[coneSize++] = l;
                addLeaf(Lit.node(aig.fanin0(l)));
                addLeaf(Lit.node(aig.fanin1(l)));
            }
            return count;
        }

        private void addLeaf(int m) {
            if (visited[m] == stamp) return;
            visited[m] = stamp;
            leaves[count++] = m;
        }

        /** The function of n over the leaves (leaf i is input i). */
        long truthTable(int n) {
            for (int i = 0; i < count; i++) value[leaves[i]] = leaves[i] == 0 ? 0 : Sop6.VAR[i];
            Arrays.sort(cone, 0, coneSize); // node order is topological
            for (int k = 0; k < coneSize; k++) value[cone[k]] = and(cone[k]);
            return and(n);
        }

        private long and(int node) {
            int a = aig.fanin0(node), b = aig.fanin1(node);
            long x = value[Lit.node(a)], y = value[Lit.node(b)];
            return (Lit.isComplement(a) ? ~x : x) & (Lit.isComplement(b) ? ~y : y);
        }
    }
}
