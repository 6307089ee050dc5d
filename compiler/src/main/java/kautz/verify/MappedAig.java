package kautz.verify;

import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitive;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

/**
 * A mapped network as an and-inverter graph, gate by gate, so it can stand between a source network and
 * the program scheduled from it in a proof chain. Each gate becomes the Shannon expansion of its truth
 * table (constant cofactors fold away, so {@code nor2} is one AND of two complemented fan-ins, as the
 * symbolic execution of a NOR builds it).
 */
public final class MappedAig {
    private MappedAig() {}

    public static Aig of(MappedNetwork m) {
        AigBuilder b = new AigBuilder();
        int[] lit = new int[m.numNodes()];
        for (int i = 0; i < m.numInputs(); i++) lit[i] = b.addInput(m.inputNames().get(i));
        int[] args = new int[6];
        for (int g = 0; g < m.gates().size(); g++) {
            MappedNetwork.Gate gate = m.gates().get(g);
            for (int k = 0; k < gate.fanins().length(); k++) args[k] = lit[gate.fanins().get(k)];
            lit[m.numInputs() + g] = shannon(b, gate.primitive(), args);
        }
        for (int o = 0; o < m.numOutputs(); o++) b.addOutput(m.outputNames().get(o), lit[m.outputNodes().get(o)]);
        return b.build();
    }

    private static int shannon(AigBuilder b, Primitive p, int[] args) {
        return expand(b, p.truthTable(), p.arity(), args);
    }

    /** The function {@code table} over {@code vars} variables, split on the highest one. */
    private static int expand(AigBuilder b, long table, int vars, int[] args) {
        if (vars == 0) return (table & 1) != 0 ? Lit.TRUE : Lit.FALSE;
        int half = 1 << (vars - 1);
        long mask = half == 32 ? 0xFFFFFFFFL : (1L << half) - 1;
        long low = table & mask, high = table >>> half & mask;
        if (low == high) return expand(b, low, vars - 1, args);
        return b.mux(args[vars - 1], expand(b, high, vars - 1, args), expand(b, low, vars - 1, args));
    }
}
