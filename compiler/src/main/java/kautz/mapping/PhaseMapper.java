package kautz.mapping;

import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import kautz.network.Aig;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Polarity-aware structural mapping of an AIG into any family. Every AND node {@code n = AND(leaves)} is
 * realised in the phase(s) its users need: {@code n = NOR(¬leaves) = AND(leaves)} and
 * {@code ¬n = NAND(leaves) = OR(¬leaves) = IMP(l1, ¬l2)}, or by an inverter of the other phase. Chains of
 * single-fan-out ANDs are merged into one gate when the family has wider gates (NOR3, NAND4, …).
 *
 * <p>Phases are chosen top-down (outputs first): each node picks the cheapest realisation of the phases
 * demanded of it, counting a leaf phase already demanded by another user as free and otherwise its area
 * flow (cost shared among its fan-outs), so inverters are shared and avoided where a richer gate helps.
 *
 * <p>Families with Min3 also get, for every three-leaf cut of a node that is a majority in some polarity,
 * {@code Min3} over the leaves in the matching phases ({@code ¬MAJ(l ^ q) = MAJ(l ^ ¬q)} gives either phase).
 */
public final class PhaseMapper {
    private static final int POS = 0;
    private static final int NEG = 1;

    private final Aig aig;
    private final FamilyGates gates;
    private final int[] fanout;
    private final int[][] leavesOf;
    private final double[][] flow;
    private final int[] demand;
    private final Impl[][] impl;
    /** Whether the family has a gate of two inputs (else AND nodes need Min3 with a constant leaf). */
    private final boolean twoInputGates;
    /** Three-leaf cuts, only for families with Min3. */
    private final Cuts cuts;

    /**
     * How one phase of a node is made: a gate over leaf literals (each maybe complemented) or an inverter.
     * {@code min3Phase} is the phase a Min3 gate delivers, or -1 for the other gates.
     */
    private record Impl(FamilyGates.Kind kind, boolean imp, int[] leafPhases, int[] leafNodes, boolean inverter, int min3Phase) {
        Impl(FamilyGates.Kind kind, boolean imp, int[] leafPhases, int[] leafNodes, boolean inverter) {
            this(kind, imp, leafPhases, leafNodes, inverter, -1);
        }
    }

    private PhaseMapper(Aig aig, FamilyGates gates) {
        this.aig = aig;
        this.gates = gates;
        this.fanout = aig.fanoutCounts();
        this.leavesOf = new int[aig.size()][];
        this.flow = new double[aig.size()][2];
        this.demand = new int[aig.size()];
        this.impl = new Impl[aig.size()][2];
        this.cuts = gates.min3Cost >= 0 ? new Cuts(aig, 12) : null;
        boolean two = gates.impCost >= 0;
        for (FamilyGates.Kind kind : FamilyGates.Kind.values()) two |= gates.cost(kind, 2) >= 0;
        this.twoInputGates = two;
    }

    /** The mapping, each gate rooted at the phase of the AIG node it realises. */
    public static RootedMapping map(Aig aig, FamilyGates gates, String name) {
        return new PhaseMapper(aig, gates).run(name);
    }

    private RootedMapping run(String name) {
        for (int n = aig.firstAnd(); n < aig.size(); n++) leavesOf[n] = collapse(n);
        computeFlow();
        for (int o : aig.outputs()) demand[Lit.node(o)] |= 1 << phaseOf(o, false);
        for (int n = aig.size() - 1; n >= aig.firstAnd(); n--) {
            if (demand[n] != 0) choose(n);
        }
        return instantiate(name);
    }

    /** Phase of node(lit) that supplies lit itself ({@code complemented == false}) or ¬lit. */
    private static int phaseOf(int lit, boolean complemented) {
        return Lit.isComplement(lit) != complemented ? NEG : POS;
    }

    /** Leaves of the widest AND the family can do in one gate, merging positive single-fan-out AND fan-ins. */
    private int[] collapse(int n) {
        List<Integer> leaves = new ArrayList<>(List.of(aig.fanin0(n), aig.fanin1(n)));
        boolean grew = true;
        while (grew && leaves.size() < gates.maxFanin) {
            grew = false;
            for (int i = 0; i < leaves.size(); i++) {
                int l = leaves.get(i);
                int m = Lit.node(l);
                if (Lit.isComplement(l) || !aig.isAnd(m) || fanout[m] != 1) continue;
                int a = aig.fanin0(m);
                int b = aig.fanin1(m);
                if (leaves.contains(a) || leaves.contains(b) || leaves.contains(Lit.not(a)) || leaves.contains(Lit.not(b))) continue;
                leaves.remove(i);
                leaves.add(a);
                leaves.add(b);
                grew = true;
                break;
            }
        }
        return leaves.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Area flow of each phase of each node, bottom-up. */
    private void computeFlow() {
        for (int i = 0; i < aig.numInputs(); i++) {
            int pi = i + 1;
            flow[pi][POS] = 0;
            flow[pi][NEG] = gates.invCost;
        }
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (Impl c : candidates(n)) {
                double cost = gateCost(c);
                for (int i = 0; i < c.leafNodes.length; i++) {
                    int m = c.leafNodes[i];
                    cost += flow[m][c.leafPhases[i]] / Math.max(1, fanout[m]);
                }
                int p = phaseOfImpl(c);
                best[p] = Math.min(best[p], cost);
            }
            flow[n][POS] = Math.min(best[POS], best[NEG] + gates.invCost);
            flow[n][NEG] = Math.min(best[NEG], best[POS] + gates.invCost);
        }
    }

    /** Every single-gate realisation of a phase of n, over its two fan-ins and over its merged leaves. */
    private List<Impl> candidates(int n) {
        List<Impl> out = new ArrayList<>();
        int[] two = {aig.fanin0(n), aig.fanin1(n)};
        addCandidates(two, out);
        if (leavesOf[n].length > 2) addCandidates(leavesOf[n], out);
        if (cuts != null) addMin3Candidates(n, out);
        if (cuts != null && !twoInputGates) addMin3WithConstant(two, out);
        return out;
    }

    /**
     * A family whose only gate beyond NOT is Min3 (MultPIM's NOT/Min3) realises an AND node with a constant third
     * leaf: {@code Min3(l0, l1, 0) = ¬(l0 ∧ l1)} and {@code Min3(¬l0, ¬l1, 1) = l0 ∧ l1}. Node 0 is the constant
     * (phase POS 0, NEG 1). Other families keep their two-input gates for such nodes.
     */
    private void addMin3WithConstant(int[] two, List<Impl> out) {
        int[] nodes = {Lit.node(two[0]), Lit.node(two[1]), 0};
        out.add(new Impl(null, false, new int[] {phaseOf(two[0], false), phaseOf(two[1], false), POS}, nodes.clone(), false, NEG));
        out.add(new Impl(null, false, new int[] {phaseOf(two[0], true), phaseOf(two[1], true), NEG}, nodes.clone(), false, POS));
    }

    /** f = MAJ(l ^ q) ^ r: Min3 over phases q gives ¬MAJ(l ^ q), over phases ¬q gives MAJ(l ^ q). */
    private void addMin3Candidates(int n, List<Impl> out) {
        for (Cuts.Cut c : cuts.of(n)) {
            if (c.leaves().length != 3) continue;
            int[] qr = Majorities.of(c.function());
            if (qr == null) continue;
            for (int flip = 0; flip < 2; flip++) {
                int[] phases = new int[3];
                for (int i = 0; i < 3; i++) phases[i] = ((qr[0] >>> i & 1) ^ flip) != 0 ? NEG : POS;
                // Min3 = ¬MAJ(l ^ q ^ flip) = f ^ r ^ ¬flip
                int phase = (qr[1] ^ flip ^ 1) != 0 ? NEG : POS;
                out.add(new Impl(null, false, phases, c.leaves().clone(), false, phase));
            }
        }
    }

    private void addCandidates(int[] leaves, List<Impl> out) {
        int k = leaves.length;
        for (FamilyGates.Kind kind : FamilyGates.Kind.values()) {
            if (gates.cost(kind, k) < 0) continue;
            int[] nodes = new int[k];
            int[] phases = new int[k];
            for (int i = 0; i < k; i++) {
                nodes[i] = Lit.node(leaves[i]);
                phases[i] = phaseOf(leaves[i], kind.complementLeaves);
            }
            out.add(new Impl(kind, false, phases, nodes, false));
        }
        if (k == 2 && gates.impCost >= 0) {
            // ¬(l0 ∧ l1) = ¬l0 ∨ ¬l1 = IMP(l0, ¬l1), either way round
            for (int first = 0; first < 2; first++) {
                int p = leaves[first];
                int q = leaves[1 - first];
                out.add(new Impl(null, true, new int[] {phaseOf(p, false), phaseOf(q, true)},
                        new int[] {Lit.node(p), Lit.node(q)}, false));
            }
        }
    }

    private static int phaseOfImpl(Impl c) { return c.min3Phase >= 0 ? c.min3Phase : c.imp ? NEG : c.kind.phase; }

    private int gateCost(Impl c) {
        if (c.min3Phase >= 0) return gates.min3Cost;
        return c.imp ? gates.impCost : gates.cost(c.kind, c.leafNodes.length);
    }

    /** Cost of demanding phase q of node m now, given the demands already made. */
    private double leafCost(int m, int q) {
        if ((demand[m] & 1 << q) != 0 || m == 0) return 0;
        if (demand[m] != 0) return gates.invCost;
        return flow[m][q] / Math.max(1, fanout[m]);
    }

    private double directCost(Impl c) {
        double cost = gateCost(c);
        for (int i = 0; i < c.leafNodes.length; i++) cost += leafCost(c.leafNodes[i], c.leafPhases[i]);
        return cost;
    }

    private Impl best(List<Impl> cands, int phase) {
        Impl best = null;
        double bestCost = Double.MAX_VALUE;
        for (Impl c : cands) {
            if (phaseOfImpl(c) != phase) continue;
            double cost = directCost(c);
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    private void choose(int n) {
        List<Impl> cands = candidates(n);
        Impl pos = best(cands, POS);
        Impl neg = best(cands, NEG);
        Impl inverter = new Impl(null, false, null, null, true);
        double cPos = pos == null ? Double.MAX_VALUE : directCost(pos);
        double cNeg = neg == null ? Double.MAX_VALUE : directCost(neg);
        int want = demand[n];
        if (want == 3) {
            // both phases: two gates, or one gate and an inverter
            double both = cPos + cNeg;
            double viaPos = cPos + gates.invCost;
            double viaNeg = cNeg + gates.invCost;
            if (both <= viaPos && both <= viaNeg) {
                set(n, POS, pos);
                set(n, NEG, neg);
            } else if (viaPos <= viaNeg) {
                set(n, POS, pos);
                set(n, NEG, inverter);
            } else {
                set(n, NEG, neg);
                set(n, POS, inverter);
            }
            return;
        }
        int p = want == 1 ? POS : NEG;
        double direct = p == POS ? cPos : cNeg;
        double other = p == POS ? cNeg : cPos;
        if (direct <= other + gates.invCost) {
            set(n, p, p == POS ? pos : neg);
        } else {
            set(n, 1 - p, p == POS ? neg : pos);
            set(n, p, inverter);
            demand[n] |= 1 << (1 - p);
        }
    }

    private void set(int n, int phase, Impl c) {
        if (c == null) throw new IllegalStateException("no realisation for node " + n);
        impl[n][phase] = c;
        if (c.inverter) return;
        for (int i = 0; i < c.leafNodes.length; i++) demand[c.leafNodes[i]] |= 1 << c.leafPhases[i];
    }

    private RootedMapping instantiate(String name) {
        MappedBuilder b = new MappedBuilder(aig.inputNames());
        int[][] id = new int[aig.size()][2];
        for (int[] row : id) Arrays.fill(row, -1);
        if (demand[0] != 0) {
            if ((demand[0] & 1) != 0) id[0][POS] = b.gate(Primitives.ZERO);
            if ((demand[0] & 2) != 0) id[0][NEG] = b.gate(Primitives.ONE);
        }
        for (int i = 0; i < aig.numInputs(); i++) {
            int pi = i + 1;
            id[pi][POS] = i;
            if ((demand[pi] & 2) != 0) {
                id[pi][NEG] = invert(b, i, id);
                b.claim(id[pi][NEG], Lit.of(pi, true));
            }
        }
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < 2; p++) {
                    Impl c = impl[n][p];
                    if (c == null || c.inverter != (pass == 1)) continue;
                    if (c.inverter) {
                        id[n][p] = invert(b, id[n][1 - p], id);
                        b.claim(id[n][p], Lit.of(n, p == NEG));
                        continue;
                    }
                    int[] f = new int[c.leafNodes.length];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = id[c.leafNodes[i]][c.leafPhases[i]];
                        if (f[i] < 0) throw new IllegalStateException("leaf phase not built for node " + n);
                    }
                    id[n][p] = b.gate(c.min3Phase >= 0 ? Primitives.MIN3 : c.imp ? Primitives.IMP2 : c.kind.primitive(f.length), f);
                    b.claim(id[n][p], Lit.of(n, p == NEG));
                }
            }
        }
        for (int o = 0; o < aig.numOutputs(); o++) {
            int lit = aig.output(o);
            b.output(aig.outputName(o), id[Lit.node(lit)][phaseOf(lit, false)]);
        }
        return b.buildRooted(name);
    }

    /** ¬x with the family's cheapest inverter (NOT, or NOR/NAND with x on every input, or IMP(x, 0)). */
    private int invert(MappedBuilder b, int x, int[][] id) {
        int k = gates.inverter.arity();
        if (gates.inverter.equals(Primitives.IMP2)) {
            if (id[0][POS] < 0) id[0][POS] = b.gate(Primitives.ZERO);
            return b.gate(Primitives.IMP2, x, id[0][POS]);
        }
        int[] f = new int[k];
        Arrays.fill(f, x);
        return b.gate(gates.inverter, f);
    }
}
