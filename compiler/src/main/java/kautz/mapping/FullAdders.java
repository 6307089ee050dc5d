package kautz.mapping;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites every full adder of an AIG into the shape of the hand-optimised nine-NOR full adder
 * (Talati et al. 2016), so that a NOR mapper covers it gate for gate:
 * <pre>
 * n1 = NOR(a, b)   n2 = NOR(a, n1)  n3 = NOR(b, n1)  n4 = NOR(n2, n3)   (n4 = XNOR(a, b))
 * n5 = NOR(n4, c)  n6 = NOR(n4, n5) n7 = NOR(c, n5)  s = NOR(n6, n7)    cout = NOR(n1, n5)
 * </pre>
 * in AIG form {@code NOR(x, y) = AND(¬x, ¬y)}. A full adder is a pair of nodes over the same three-leaf cut,
 * one computing XOR3 (either polarity) and one a majority of the leaves in some polarities (self-duality
 * lets the adder run on complemented inputs and deliver complemented outputs). Nodes the old adders used
 * alone become dead and are dropped.
 */
final class FullAdders {
    private static final int X0 = 0xAAAA, X1 = 0xCCCC, X2 = 0xF0F0;
    private static final int XOR3 = X0 ^ X1 ^ X2;

    private FullAdders() {}

    /** One adder: leaves (AIG literals in the polarity the adder takes), and its sum and carry nodes. */
    private record Adder(int[] inputs, int sumNode, boolean sumComplemented, int carryNode, boolean carryComplemented) {}

    /** The shape a full adder is rebuilt in, for the gates a family covers it with. */
    enum Form {
        /** The nine-NOR adder (NOR families). */
        NOR,
        /**
         * The same nine gates with NAND for NOR ({@code NAND(x, y) = ¬AND(x, y)}): the full adder is self-dual,
         * so they compute the same sum and carry; the shape NAND and IMPLY families cover.
         */
        NAND,
        /**
         * Three majorities, each one Min3 ({@code ¬MAJ}) gate (FELIX): {@code cout = MAJ(a, b, c)},
         * {@code t = ¬MAJ(a, b, ¬c)}, {@code s = ¬MAJ(cout, ¬c, t)}; with the inverters of c and of the
         * carry, five gates.
         */
        MIN3
    }

    /**
     * A rewritten network and, for each of its nodes, the literal of the original network it computes (-1 for
     * the adders' inner nodes): how a mapping of the rewritten network is rooted in the original.
     */
    record Rewritten(Aig aig, int[] back) {}

    /** The rewritten network, or the same network (each node itself) when it has no full adder. */
    static Rewritten restructure(Aig aig, Form form) {
        Cuts cuts = new Cuts(aig, 12);
        Map<Long, Integer> xorByLeaves = new HashMap<>();
        Map<Long, int[]> majByLeaves = new HashMap<>(); // node, polarity vector q (bits), output complement
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            for (Cuts.Cut c : cuts.of(n)) {
                if (c.leaves().length != 3) continue;
                long key = key(c.leaves());
                int f = c.function();
                if (f == XOR3 || f == (~XOR3 & 0xFFFF)) xorByLeaves.putIfAbsent(key, n);
                int[] maj = Majorities.of(f);
                if (maj != null) majByLeaves.putIfAbsent(key, new int[] {n, maj[0], maj[1]});
            }
        }
        Map<Integer, Adder> bySum = new HashMap<>();
        Map<Integer, Adder> byCarry = new HashMap<>();
        for (Map.Entry<Long, Integer> e : xorByLeaves.entrySet()) {
            int[] m = majByLeaves.get(e.getKey());
            if (m == null) continue;
            int sum = e.getValue();
            int carry = m[0];
            if (sum == carry || bySum.containsKey(sum) || byCarry.containsKey(carry)) continue;
            int[] leaves = leavesOf(e.getKey());
            int q = m[1];
            boolean carryOut = m[2] != 0;
            // MAJ(l ^ q) ^ r == MAJ(l ^ ~q) ^ ~r: prefer the polarity with fewer complemented inputs
            if (Integer.bitCount(q) > 1) {
                q = ~q & 7;
                carryOut = !carryOut;
            }
            int[] in = new int[3];
            for (int i = 0; i < 3; i++) in[i] = Lit.of(leaves[i], (q >>> i & 1) != 0);
            int sumFunction = cutFunction(cuts, sum, e.getKey());
            // XOR3(l ^ q) = XOR3(l) ^ parity(q): the adder's sum is the node's value complemented when they differ
            boolean nodeIsXnor = sumFunction != XOR3;
            boolean sumOut = nodeIsXnor != (Integer.bitCount(q) % 2 == 1);
            Adder a = new Adder(in, sum, sumOut, carry, carryOut);
            bySum.put(sum, a);
            byCarry.put(carry, a);
        }
        if (bySum.isEmpty()) {
            int[] same = new int[aig.size()];
            for (int n = 0; n < same.length; n++) same[n] = Lit.of(n, false);
            return new Rewritten(aig, same);
        }
        return rebuild(aig, bySum, byCarry, form);
    }

    private static int cutFunction(Cuts cuts, int node, long key) {
        for (Cuts.Cut c : cuts.of(node)) if (c.leaves().length == 3 && key(c.leaves()) == key) return c.function();
        throw new IllegalStateException("cut vanished");
    }

    private static long key(int[] leaves) {
        return (long) leaves[0] << 42 | (long) leaves[1] << 21 | leaves[2];
    }

    private static int[] leavesOf(long key) {
        int mask = (1 << 21) - 1;
        return new int[] {(int) (key >>> 42), (int) (key >>> 21) & mask, (int) key & mask};
    }

    private static Rewritten rebuild(Aig aig, Map<Integer, Adder> bySum, Map<Integer, Adder> byCarry, Form form) {
        AigBuilder b = new AigBuilder();
        int[] lit = new int[aig.size()];
        lit[0] = Lit.FALSE;
        for (int i = 0; i < aig.numInputs(); i++) lit[i + 1] = b.addInput(aig.inputName(i));
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            Adder a = bySum.containsKey(n) ? bySum.get(n) : byCarry.get(n);
            if (a == null) {
                lit[n] = b.and(map(lit, aig.fanin0(n)), map(lit, aig.fanin1(n)));
                continue;
            }
            int x = map(lit, a.inputs[0]), y = map(lit, a.inputs[1]), z = map(lit, a.inputs[2]);
            int[] sc = form == Form.MIN3 ? majorities(b, x, y, z) : nineGates(b, form == Form.NAND, x, y, z);
            lit[n] = n == a.sumNode ? Lit.notIf(sc[0], a.sumComplemented) : Lit.notIf(sc[1], a.carryComplemented);
        }
        AigBuilder clean = new AigBuilder();
        Aig dirty;
        for (int o = 0; o < aig.numOutputs(); o++) b.addOutput(aig.outputName(o), map(lit, aig.output(o)));
        dirty = b.build();
        int[] cleanLit = new int[dirty.size()];
        Aig result = reachable(dirty, clean, cleanLit);
        int[] back = new int[result.size()];
        java.util.Arrays.fill(back, -1);
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            int l = map(cleanLit, lit[n]);
            int m = Lit.node(l);
            if (m >= result.firstAnd() && back[m] < 0) back[m] = Lit.of(n, Lit.isComplement(l));
        }
        return new Rewritten(result, back);
    }

    private static int map(int[] lit, int l) { return Lit.notIf(lit[Lit.node(l)], Lit.isComplement(l)); }

    /** NOR(x, y) = AND(¬x, ¬y); NAND(x, y) = ¬AND(x, y). */
    private static int gate(AigBuilder b, boolean nand, int x, int y) {
        return nand ? Lit.not(b.and(x, y)) : b.and(Lit.not(x), Lit.not(y));
    }

    /** {sum, carry} of the nine-gate adder. */
    private static int[] nineGates(AigBuilder b, boolean nand, int a, int bb, int c) {
        int n1 = gate(b, nand, a, bb);
        int n2 = gate(b, nand, a, n1);
        int n3 = gate(b, nand, bb, n1);
        int n4 = gate(b, nand, n2, n3);
        int n5 = gate(b, nand, n4, c);
        int n6 = gate(b, nand, n4, n5);
        int n7 = gate(b, nand, c, n5);
        return new int[] {gate(b, nand, n6, n7), gate(b, nand, n1, n5)};
    }

    /** {sum, carry} as three majorities (see {@link Form#MIN3}). */
    private static int[] majorities(AigBuilder b, int a, int bb, int c) {
        int carry = b.maj(a, bb, c);
        int t = Lit.not(b.maj(a, bb, Lit.not(c)));
        return new int[] {Lit.not(b.maj(carry, Lit.not(c), t)), carry};
    }

    /** A copy with only the nodes the outputs depend on; {@code lit} receives each live node's new literal (0 for dead ones). */
    private static Aig reachable(Aig aig, AigBuilder b, int[] lit) {
        boolean[] live = new boolean[aig.size()];
        for (int o : aig.outputs()) live[Lit.node(o)] = true;
        for (int n = aig.size() - 1; n >= aig.firstAnd(); n--) {
            if (!live[n]) continue;
            live[Lit.node(aig.fanin0(n))] = true;
            live[Lit.node(aig.fanin1(n))] = true;
        }
        for (int i = 0; i < aig.numInputs(); i++) lit[i + 1] = b.addInput(aig.inputName(i));
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            if (live[n]) lit[n] = b.and(map(lit, aig.fanin0(n)), map(lit, aig.fanin1(n)));
        }
        for (int o = 0; o < aig.numOutputs(); o++) b.addOutput(aig.outputName(o), map(lit, aig.output(o)));
        return b.build();
    }
}
