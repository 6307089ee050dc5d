package kautz.network;

import com.google.common.collect.ImmutableList;

/**
 * An immutable majority-inverter graph (Amarù, Gaillardon and De Micheli, DAC 2014): every node the majority of
 * three literals, edges complemented or not. Literals as in {@link Aig} ({@code node << 1 | complement}); node 0
 * is constant false, nodes {@code 1..I} inputs, then majority nodes in topological order. {@code AND(a, b)} is
 * {@code maj(a, b, 0)}, {@code OR(a, b)} {@code maj(a, b, 1)}. Built by {@link MigBuilder}, which keeps every
 * node with at most one complemented fan-in (inverter propagation, Ω.I) and hashes structure.
 */
public final class Mig {
    private final int numInputs;
    private final int[] fanins; // 3 per node, sorted ascending; zeros for the constant and the inputs
    private final int[] outputs;
    private final ImmutableList<String> inputNames;
    private final ImmutableList<String> outputNames;
    private final String name;

    Mig(String name, int numInputs, int[] fanins, int[] outputs, ImmutableList<String> inputNames, ImmutableList<String> outputNames) {
        this.name = name;
        this.numInputs = numInputs;
        this.fanins = fanins;
        this.outputs = outputs;
        this.inputNames = inputNames;
        this.outputNames = outputNames;
    }

    public String name() { return name; }
    public int size() { return fanins.length / 3; }
    public int numInputs() { return numInputs; }
    public int numOutputs() { return outputs.length; }
    public int numMajs() { return size() - 1 - numInputs; }
    public int firstMaj() { return numInputs + 1; }
    public boolean isInput(int node) { return node >= 1 && node <= numInputs; }
    public boolean isMaj(int node) { return node > numInputs; }
    /** Fan-in {@code k} (0, 1, 2) of a majority node, as a literal. */
    public int fanin(int node, int k) { return fanins[3 * node + k]; }
    public int output(int i) { return outputs[i]; }
    public ImmutableList<String> inputNames() { return inputNames; }
    public ImmutableList<String> outputNames() { return outputNames; }

    /** Longest path in majority nodes from an input to each node. */
    public int[] levels() {
        int[] level = new int[size()];
        for (int n = firstMaj(); n < size(); n++) {
            int l = 0;
            for (int k = 0; k < 3; k++) l = Math.max(l, level[Lit.node(fanin(n, k))]);
            level[n] = l + 1;
        }
        return level;
    }

    public int depth() {
        int[] level = levels();
        int d = 0;
        for (int o : outputs) d = Math.max(d, level[Lit.node(o)]);
        return d;
    }

    /** Readers of each node: fan-in edges plus outputs. */
    public int[] fanoutCounts() {
        int[] c = new int[size()];
        for (int n = firstMaj(); n < size(); n++) for (int k = 0; k < 3; k++) c[Lit.node(fanin(n, k))]++;
        for (int o : outputs) c[Lit.node(o)]++;
        return c;
    }

    /** The MIG of an AIG, majorities and three-input XORs recognised ({@link #fromAig(Aig, String, boolean)}). */
    public static Mig fromAig(Aig aig, String name) { return fromAig(aig, name, true); }

    /**
     * The MIG of an AIG: each AND becomes {@code maj(a, b, 0)}, the AIG form of a majority one node, and with
     * {@code xors} a three-input XOR the three-node majority form (fewer nodes where its majority is shared, as in an
     * adder; more where the AND form's inner XOR was shared); then the builder's rules apply.
     */
    public static Mig fromAig(Aig aig, String name, boolean xors) {
        MigBuilder b = new MigBuilder();
        for (int i = 0; i < aig.numInputs(); i++) b.addInput(aig.inputName(i));
        int[] lit = new int[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) lit[i + 1] = b.input(i);
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            int[] m = majority(aig, n);
            int[] x3 = m == null && xors ? xor3(aig, n) : null;
            if (m != null) {
                lit[n] = Lit.not(b.maj(map(lit, m[0]), map(lit, m[1]), map(lit, m[2])));
            } else if (x3 != null) { // a ⊕ b ⊕ c = maj(¬maj(a, b, c), c, maj(a, b, ¬c)): three nodes, the first shared with a carry
                int x = map(lit, x3[0]), y = map(lit, x3[1]), z = map(lit, x3[2]);
                lit[n] = Lit.notIf(b.maj(Lit.not(b.maj(x, y, z)), z, b.maj(x, y, Lit.not(z))), x3[3] != 0);
            } else {
                lit[n] = b.and(map(lit, aig.fanin0(n)), map(lit, aig.fanin1(n)));
            }
        }
        for (int i = 0; i < aig.numOutputs(); i++) b.addOutput(aig.outputName(i), map(lit, aig.output(i)));
        return b.build(name).cleanup();
    }

    /** Whether each node is needed by an output. */
    public boolean[] live() {
        boolean[] live = new boolean[size()];
        for (int o : outputs) live[Lit.node(o)] = true;
        for (int n = size() - 1; n >= firstMaj(); n--) {
            if (live[n]) for (int k = 0; k < 3; k++) live[Lit.node(fanin(n, k))] = true;
        }
        return live;
    }

    /** The same graph without the nodes no output needs (inputs all kept). */
    public Mig cleanup() {
        boolean[] live = live();
        MigBuilder b = new MigBuilder();
        for (String in : inputNames) b.addInput(in);
        int[] lit = new int[size()];
        for (int i = 0; i < numInputs; i++) lit[i + 1] = b.input(i);
        for (int n = firstMaj(); n < size(); n++) {
            if (live[n]) lit[n] = b.maj(map(lit, fanin(n, 0)), map(lit, fanin(n, 1)), map(lit, fanin(n, 2)));
        }
        for (int i = 0; i < outputs.length; i++) b.addOutput(outputNames.get(i), map(lit, outputs[i]));
        return b.build(name);
    }

    /**
     * {p, q, c} when AND node {@code n} is {@code ¬maj(p, q, c)} written as {@link AigBuilder#maj} writes a majority,
     * {@code ¬(pq ∨ c(p ∨ q))}; else null. The ANDs inside then have no other reader in the MIG unless the AIG has one.
     */
    private static int[] majority(Aig aig, int n) {
        int f0 = aig.fanin0(n), f1 = aig.fanin1(n);
        if (!Lit.isComplement(f0) || !Lit.isComplement(f1) || !aig.isAnd(Lit.node(f0)) || !aig.isAnd(Lit.node(f1))) return null;
        for (int side = 0; side < 2; side++) {
            int x = Lit.node(side == 0 ? f0 : f1), y = Lit.node(side == 0 ? f1 : f0);
            int p = aig.fanin0(x), q = aig.fanin1(x);
            for (int k = 0; k < 2; k++) {
                int or = k == 0 ? aig.fanin0(y) : aig.fanin1(y), c = k == 0 ? aig.fanin1(y) : aig.fanin0(y);
                if (!Lit.isComplement(or) || !aig.isAnd(Lit.node(or))) continue;
                int z = Lit.node(or);
                int a = aig.fanin0(z), b = aig.fanin1(z);
                if ((a == Lit.not(p) && b == Lit.not(q)) || (a == Lit.not(q) && b == Lit.not(p))) return new int[] {p, q, c};
            }
        }
        return null;
    }

    /**
     * {x, y} and whether the node is their XNOR rather than their XOR, when AND node {@code n} is an XOR written as
     * two ANDs under it ({@code ¬(xy) ∧ ¬(¬x¬y)} or {@code ¬(x¬y) ∧ ¬(¬xy)}); else null.
     */
    private static int[] xor2(Aig aig, int n) {
        int f0 = aig.fanin0(n), f1 = aig.fanin1(n);
        if (!Lit.isComplement(f0) || !Lit.isComplement(f1) || !aig.isAnd(Lit.node(f0)) || !aig.isAnd(Lit.node(f1))) return null;
        int p0 = aig.fanin0(Lit.node(f0)), p1 = aig.fanin1(Lit.node(f0));
        int q0 = aig.fanin0(Lit.node(f1)), q1 = aig.fanin1(Lit.node(f1));
        boolean opposite = (q0 == Lit.not(p0) && q1 == Lit.not(p1)) || (q0 == Lit.not(p1) && q1 == Lit.not(p0));
        if (!opposite) return null;
        // ¬(p0 p1) ∧ ¬(¬p0 ¬p1) = p0 ⊕ p1; with p1 = ¬y: p0 ⊕ ¬y = ¬(p0 ⊕ y)
        int x = Lit.regular(p0), y = Lit.regular(p1);
        boolean xnor = Lit.isComplement(p0) ^ Lit.isComplement(p1);
        return new int[] {x, y, xnor ? 1 : 0};
    }

    /** {a, b, c, xnor} when AND node {@code n} is the XOR (or XNOR) of an XOR node and a third signal; else null. */
    private static int[] xor3(Aig aig, int n) {
        int[] outer = xor2(aig, n);
        if (outer == null) return null;
        for (int side = 0; side < 2; side++) {
            int u = outer[side], c = outer[1 - side];
            if (!aig.isAnd(Lit.node(u))) continue;
            int[] inner = xor2(aig, Lit.node(u));
            if (inner == null) continue;
            return new int[] {inner[0], inner[1], c, outer[2] ^ inner[2]};
        }
        return null;
    }

    private static int map(int[] lit, int l) { return Lit.notIf(lit[Lit.node(l)], Lit.isComplement(l)); }

    /** The AIG of this MIG: each majority as {@code ab + c(a + b)} ({@link AigBuilder#maj}). */
    public Aig toAig() {
        AigBuilder b = new AigBuilder();
        for (String in : inputNames) b.addInput(in);
        int[] lit = new int[size()];
        for (int i = 0; i < numInputs; i++) lit[i + 1] = b.input(i);
        for (int n = firstMaj(); n < size(); n++) {
            lit[n] = b.maj(map(lit, fanin(n, 0)), map(lit, fanin(n, 1)), map(lit, fanin(n, 2)));
        }
        for (int i = 0; i < outputs.length; i++) b.addOutput(outputNames.get(i), map(lit, outputs[i]));
        return b.build();
    }

    /** 64 rows per word: {@code inputs[i]} is input {@code i}'s plane; returns one plane per output. */
    public long[] simulate(long[] inputs) {
        long[] v = new long[size()];
        for (int i = 0; i < numInputs; i++) v[i + 1] = inputs[i];
        for (int n = firstMaj(); n < size(); n++) {
            long a = value(v, fanin(n, 0)), b = value(v, fanin(n, 1)), c = value(v, fanin(n, 2));
            v[n] = (a & b) | (c & (a | b));
        }
        long[] out = new long[outputs.length];
        for (int i = 0; i < outputs.length; i++) out[i] = value(v, outputs[i]);
        return out;
    }

    private static long value(long[] v, int lit) { return Lit.isComplement(lit) ? ~v[Lit.node(lit)] : v[Lit.node(lit)]; }

    @Override
    public String toString() {
        return "Mig[" + name + ": " + numInputs + " inputs, " + outputs.length + " outputs, " + numMajs() + " MAJ, depth " + depth() + "]";
    }
}
