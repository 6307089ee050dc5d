package kautz.mapping;

import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import kautz.network.Aig;
import kautz.network.Lit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Cut-based mapping into NOR2 and NOT. Every AND node may be realised in either phase (its value or its
 * complement); a phase is the smallest NOR2/NOT formula ({@link NorFormulas}) of one of the node's cuts,
 * over leaves each taken in the phase that is cheapest, or an inverter of the other phase.
 *
 * <p>A forward pass computes each phase's area flow (the formula's gates plus the leaves' flow shared
 * among their fan-outs); a backward pass from the outputs then picks, for each phase actually needed,
 * the realisation that is cheapest given the phases other users already need (those are free), so
 * inverters are shared and each node settles in the phase its users like.
 */
final class NorCutMapper {
    private static final int POS = 0;
    private static final int NEG = 1;
    private static final int CUT_LIMIT = 10;

    private final Aig aig;
    private final NorFormulas formulas = NorFormulas.get();
    private final Cuts cuts;
    private static final int ROUNDS = 2;
    /** Expected number of users of each node: first its AIG fan-out, then blended with the last cover's references. */
    private final double[] fanout;
    private final double[][] flow;
    private final int[] demand;
    private final Choice[][] choice;

    /** A realisation of one phase: a cut with leaf phases ({@code leafNeg} bit i) and the formula's function, or an inverter. */
    private record Choice(Cuts.Cut cut, int leafNeg, int function, boolean inverter) {}

    private static final Choice INVERTER = new Choice(null, 0, 0, true);

    private NorCutMapper(Aig aig) {
        this.aig = aig;
        this.cuts = new Cuts(aig, CUT_LIMIT);
        this.fanout = java.util.Arrays.stream(aig.fanoutCounts()).asDoubleStream().toArray();
        this.flow = new double[aig.size()][2];
        this.demand = new int[aig.size()];
        this.choice = new Choice[aig.size()][2];
        for (int n = 0; n < fanout.length; n++) fanout[n] = Math.max(1, fanout[n]);
    }

    /** The mapping, each formula's top gate rooted at the phase of the AIG node it realises. */
    static RootedMapping map(Aig aig, String name) {
        return new NorCutMapper(aig).run(name);
    }

    /** Covers the network a few times, each round's area flow using the previous cover's references; keeps the smallest. */
    private RootedMapping run(String name) {
        RootedMapping best = null;
        for (int round = 0; round < ROUNDS; round++) {
            for (int pi = 1; pi <= aig.numInputs(); pi++) flow[pi][NEG] = 1;
            for (int n = aig.firstAnd(); n < aig.size(); n++) computeFlow(n);
            Arrays.fill(demand, 0);
            for (Choice[] c : choice) Arrays.fill(c, null);
            for (int o : aig.outputs()) demand[Lit.node(o)] |= 1 << (Lit.isComplement(o) ? NEG : POS);
            for (int n = aig.size() - 1; n >= aig.firstAnd(); n--) {
                if (demand[n] != 0) choose(n);
            }
            RootedMapping m = instantiate(name);
            if (best == null || m.network().gates().size() < best.network().gates().size()) best = m;
            int[] refs = references();
            for (int n = 0; n < fanout.length; n++) fanout[n] = Math.max(1, (fanout[n] + refs[n]) / 2);
        }
        return best;
    }

    /** How many chosen realisations (and outputs) use each node in the current cover. */
    private int[] references() {
        int[] refs = new int[aig.size()];
        for (int o : aig.outputs()) refs[Lit.node(o)]++;
        for (Choice[] phases : choice) {
            for (Choice c : phases) {
                if (c == null || c.inverter) continue;
                for (int leaf : c.cut.leaves()) refs[leaf]++;
            }
        }
        return refs;
    }

    /** The function a formula must compute for phase p of the root with leaves in phases leafNeg. */
    private static int target(Cuts.Cut c, int leafNeg, int p) {
        int f = c.function();
        for (int i = 0; i < c.leaves().length; i++) if ((leafNeg >>> i & 1) != 0) f = Cuts.flipInput(f, i);
        return p == NEG ? ~f & 0xFFFF : f;
    }

    private void computeFlow(int n) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (Cuts.Cut c : cuts.of(n)) {
            int k = c.leaves().length;
            for (int q = 0; q < 1 << k; q++) {
                double leaves = 0;
                for (int i = 0; i < k; i++) {
                    int m = c.leaves()[i];
                    leaves += flow[m][q >>> i & 1] / fanout[m];
                }
                for (int p = 0; p < 2; p++) {
                    double cost = formulas.size(target(c, q, p)) + leaves;
                    if (cost < best[p]) best[p] = cost;
                }
            }
        }
        flow[n][POS] = Math.min(best[POS], best[NEG] + 1);
        flow[n][NEG] = Math.min(best[NEG], best[POS] + 1);
    }

    private double leafCost(int m, int q) {
        if ((demand[m] & 1 << q) != 0) return 0;
        if (demand[m] != 0) return 1;
        return flow[m][q] / fanout[m];
    }

    /** Cheapest direct realisation of phase p given current demands, with its cost in slot 0 of {@code cost}. */
    private Choice best(int n, int p, double[] cost) {
        Choice best = null;
        double bestCost = Double.MAX_VALUE;
        for (Cuts.Cut c : cuts.of(n)) {
            int k = c.leaves().length;
            for (int q = 0; q < 1 << k; q++) {
                int f = target(c, q, p);
                double total = formulas.size(f);
                for (int i = 0; i < k && total < bestCost; i++) total += leafCost(c.leaves()[i], q >>> i & 1);
                if (total < bestCost) {
                    bestCost = total;
                    best = new Choice(c, q, f, false);
                }
            }
        }
        cost[0] = bestCost;
        return best;
    }

    private void choose(int n) {
        double[] cp = new double[1];
        double[] cn = new double[1];
        Choice pos = best(n, POS, cp);
        Choice neg = best(n, NEG, cn);
        if (demand[n] == 3) {
            double both = cp[0] + cn[0];
            if (both <= cp[0] + 1 && both <= cn[0] + 1) {
                set(n, POS, pos);
                set(n, NEG, neg);
            } else if (cp[0] <= cn[0]) {
                set(n, POS, pos);
                set(n, NEG, INVERTER);
            } else {
                set(n, NEG, neg);
                set(n, POS, INVERTER);
            }
            return;
        }
        int p = demand[n] == 1 ? POS : NEG;
        double direct = p == POS ? cp[0] : cn[0];
        double other = p == POS ? cn[0] : cp[0];
        if (direct <= other + 1) {
            set(n, p, p == POS ? pos : neg);
        } else {
            set(n, 1 - p, p == POS ? neg : pos);
            set(n, p, INVERTER);
            demand[n] |= 1 << (1 - p);
        }
    }

    private void set(int n, int p, Choice c) {
        choice[n][p] = c;
        if (c.inverter) return;
        int[] leaves = c.cut.leaves();
        for (int i = 0; i < leaves.length; i++) demand[leaves[i]] |= 1 << (c.leafNeg >>> i & 1);
    }

    private RootedMapping instantiate(String name) {
        MappedBuilder b = new MappedBuilder(aig.inputNames());
        Sink sink = new Sink(b);
        int[][] id = new int[aig.size()][2];
        for (int[] row : id) Arrays.fill(row, -1);
        if ((demand[0] & 1) != 0) id[0][POS] = b.gate(Primitives.ZERO);
        if ((demand[0] & 2) != 0) id[0][NEG] = b.gate(Primitives.ONE);
        for (int i = 0; i < aig.numInputs(); i++) {
            id[i + 1][POS] = i;
            if ((demand[i + 1] & 2) != 0) {
                id[i + 1][NEG] = sink.not(i);
                b.claim(id[i + 1][NEG], Lit.of(i + 1, true));
            }
        }
        int[] in = new int[Cuts.K];
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < 2; p++) {
                    Choice c = choice[n][p];
                    if (c == null || c.inverter != (pass == 1)) continue;
                    if (c.inverter) {
                        id[n][p] = sink.not(id[n][1 - p]);
                        b.claim(id[n][p], Lit.of(n, p == NEG));
                        continue;
                    }
                    int[] leaves = c.cut.leaves();
                    Arrays.fill(in, -1);
                    for (int i = 0; i < leaves.length; i++) in[i] = id[leaves[i]][c.leafNeg >>> i & 1];
                    id[n][p] = formulas.build(c.function, in, sink);
                    b.claim(id[n][p], Lit.of(n, p == NEG));
                }
            }
        }
        for (int o = 0; o < aig.numOutputs(); o++) {
            int lit = aig.output(o);
            b.output(aig.outputName(o), id[Lit.node(lit)][Lit.isComplement(lit) ? NEG : POS]);
        }
        return b.buildRooted(name);
    }

    /** NOR2/NOT gates into the builder; NOT of a NOT is the original node. */
    private static final class Sink implements NorFormulas.GateSink {
        private final MappedBuilder b;
        private final Map<Integer, Integer> inverse = new HashMap<>();

        Sink(MappedBuilder b) { this.b = b; }

        @Override
        public int not(int a) {
            Integer back = inverse.get(a);
            if (back != null) return back;
            int g = b.gate(Primitives.INV1, a);
            inverse.put(g, a);
            inverse.putIfAbsent(a, g);
            return g;
        }

        @Override
        public int nor(int a, int b2) { return b.gate(Primitives.NOR2, a, b2); }
    }
}
