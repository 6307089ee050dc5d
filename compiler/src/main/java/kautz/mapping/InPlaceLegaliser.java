package kautz.mapping;

import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;

/**
 * An in-place gate ({@code imp2(p, q)}: q := ¬p ∨ q) overwrites its q operand, so it is only kept where q
 * dies there: q is a gate (inputs are never overwritten), not an output, and this is its only reader.
 * Elsewhere it becomes {@code nand2(p, inv1(q))}, the same function ({@code ¬p ∨ q = ¬(p ∧ ¬q)}).
 * Readers are counted per distinct reading gate, as the schedulers count them.
 */
final class InPlaceLegaliser {
    private InPlaceLegaliser() {}

    /** Repeats until stable: a rewrite can add a reader (a shared inverter) to another in-place gate's operand. */
    static MappedNetwork legalise(MappedNetwork m) {
        MappedNetwork current = m;
        while (true) { // each round removes at least one imp2, so this ends
            MappedNetwork next = once(current);
            if (next == current) return current;
            current = next;
        }
    }

    private static MappedNetwork once(MappedNetwork m) {
        int[] readers = new int[m.numNodes()];
        boolean[] output = new boolean[m.numNodes()];
        for (MappedNetwork.Gate g : m.gates()) {
            int[] distinct = java.util.Arrays.stream(g.fanins().toArray()).distinct().toArray();
            for (int f : distinct) readers[f]++;
        }
        for (int i = 0; i < m.numOutputs(); i++) output[m.outputNodes().get(i)] = true;
        boolean needed = false;
        for (MappedNetwork.Gate g : m.gates()) needed |= g.primitive().equals(Primitives.IMP2) && !dies(m, g, readers, output);
        if (!needed) return m;
        MappedBuilder b = new MappedBuilder(m.inputNames());
        int[] id = new int[m.numNodes()];
        for (int i = 0; i < m.numInputs(); i++) id[i] = i;
        for (int n = m.numInputs(); n < m.numNodes(); n++) {
            MappedNetwork.Gate g = m.gate(n);
            int[] f = g.fanins().toArray();
            for (int i = 0; i < f.length; i++) f[i] = id[f[i]];
            if (g.primitive().equals(Primitives.IMP2) && !dies(m, g, readers, output)) {
                int q = g.fanins().get(1);
                boolean qIsNot = !m.isInput(q) && m.gate(q).primitive().equals(Primitives.INV1);
                // ¬q is q's own fan-in when q is an inverter (no double inversion)
                int notQ = qIsNot ? id[m.gate(q).fanins().get(0)] : b.gate(Primitives.INV1, f[1]);
                id[n] = b.gate(Primitives.NAND2, f[0], notQ);
            } else {
                id[n] = b.gate(g.primitive(), f);
            }
        }
        for (int i = 0; i < m.numOutputs(); i++) b.output(m.outputNames().get(i), id[m.outputNodes().get(i)]);
        return b.build(m.name());
    }

    private static boolean dies(MappedNetwork m, MappedNetwork.Gate g, int[] readers, boolean[] output) {
        ImmutableIntArray f = g.fanins();
        int q = f.get(1);
        return !m.isInput(q) && !output[q] && readers[q] == 1 && f.get(0) != q;
    }
}
