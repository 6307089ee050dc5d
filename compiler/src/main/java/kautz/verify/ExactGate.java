package kautz.verify;

import kautz.isa.GateForm;
import kautz.isa.Opcode;
import kautz.isa.WindowImplication;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.List;

/**
 * A gate on an output cell that holds a value rather than its pre-state (an init-free gate, X-MAGIC):
 * {@code d := d ∧ f} is f when f → d, {@code d := d ∨ f} is f when d → f. When the relation is proven on a
 * window of the graph built so far ({@link WindowImplication}), the gate's literal is f itself, so a program
 * with such gates hashes onto its mapped network as one without them does; otherwise it is the physical
 * d ∧ f (or d ∨ f), and an equivalence check decides. Ops that read their output as an operand by design
 * (IMPLY's q, no pre-state) are left as they are.
 */
final class ExactGate {
    private ExactGate() {}

    /** The literal the gate leaves in its output cell, holding {@code dest} before. */
    static int apply(AigBuilder b, Opcode op, int dest, int[] src) {
        GateForm g = op.gate();
        if (g == null || !g.hasIdentity() || op.requiredDestState() < 0) return OpSemantics.apply(b, op, dest, src);
        int identity = g.identity() ? Lit.TRUE : Lit.FALSE;
        if (dest == identity || !proven(b, g, dest, src)) return OpSemantics.apply(b, op, dest, src);
        return OpSemantics.apply(b, op, identity, src);
    }

    /** Whether the gate's value from its pre-state implies dest (AND combine) or is implied by it (OR combine). */
    private static boolean proven(AigBuilder b, GateForm g, int dest, int[] src) {
        int ideal = b.size(), old = b.size() + 1; // two nodes beyond the graph: the gate's value and dest as a literal
        WindowImplication.Dag dag = new WindowImplication.Dag() {
            @Override
            public int[] fanins(int node) {
                if (node == ideal) {
                    int[] f = new int[src.length];
                    for (int k = 0; k < f.length; k++) f[k] = Lit.node(src[k]);
                    return f;
                }
                if (node == old) return new int[] {Lit.node(dest)};
                if (node == 0) return new int[0];
                if (node <= b.numInputs()) return null;
                return new int[] {Lit.node(b.fanin0(node)), Lit.node(b.fanin1(node))};
            }

            @Override
            public long eval(int node, long[] in) {
                if (node == ideal) {
                    List<Long> s = new ArrayList<>(src.length);
                    for (int k = 0; k < src.length; k++) s.add(Lit.isComplement(src[k]) ? ~in[k] : in[k]);
                    return g.apply(GateForm.WORDS, g.identity() ? -1L : 0L, s);
                }
                if (node == old) return Lit.isComplement(dest) ? ~in[0] : in[0];
                if (node == 0) return 0L;
                long a = Lit.isComplement(b.fanin0(node)) ? ~in[0] : in[0];
                long c = Lit.isComplement(b.fanin1(node)) ? ~in[1] : in[1];
                return a & c;
            }
        };
        return g.identity() ? WindowImplication.implies(dag, ideal, old) : WindowImplication.implies(dag, old, ideal);
    }
}
