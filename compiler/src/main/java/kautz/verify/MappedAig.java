package kautz.verify;

import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.Opcode;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitive;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import kautz.target.GateFamily;
import kautz.target.GateImpl;

import java.util.Arrays;
import java.util.Optional;

/**
 * A mapped network as an and-inverter graph, gate by gate, so it can stand between a source network and
 * the program scheduled from it in a proof chain.
 *
 * <p>With a family, each gate is built exactly as the symbolic execution of the micro-ops the family runs
 * for it builds it ({@link OpSemantics}: the output cell's pre-state, then one op with all inputs, one op per
 * input for a serial gate, or {@code imp} into the last fan-in for an in-place gate), so the program's logic
 * hashes onto the mapped network's wherever the program computes a gate as emitted. (IMPLY's NAND is
 * {@code ¬(a ∧ b)}, one AND; its truth table's Shannon expansion is two, and then no program node of an
 * IMPLY program hashes onto the mapped network: docs/verify.md.)
 * A gate the family lacks, and every gate without a family, is the Shannon expansion of its truth table
 * (constant cofactors fold away).
 */
public final class MappedAig {
    private MappedAig() {}

    /**
     * The network and, for each mapped node ({@code 0..I-1} the inputs, {@code I+g} gate g), the literal of
     * {@code network} computing it.
     */
    public record Built(Aig network, ImmutableIntArray literals) {}

    public static Aig of(MappedNetwork m) {
        return build(m, null).network();
    }

    public static Aig of(MappedNetwork m, GateFamily family) {
        return build(m, family).network();
    }

    /** @param family the family whose ops build each gate, or null for truth tables only */
    public static Built build(MappedNetwork m, GateFamily family) {
        AigBuilder b = new AigBuilder();
        int[] lit = new int[m.numNodes()];
        for (int i = 0; i < m.numInputs(); i++) lit[i] = b.addInput(m.inputNames().get(i));
        for (int g = 0; g < m.gates().size(); g++) {
            MappedNetwork.Gate gate = m.gates().get(g);
            int[] args = new int[gate.fanins().length()];
            for (int k = 0; k < args.length; k++) args[k] = lit[gate.fanins().get(k)];
            Optional<GateImpl> impl = family == null || gate.primitive().isConstant()
                    ? Optional.empty() : family.implOf(gate.primitive());
            lit[m.numInputs() + g] = impl.isPresent() ? asOps(b, impl.get(), args) : shannon(b, gate.primitive(), args);
        }
        for (int o = 0; o < m.numOutputs(); o++) b.addOutput(m.outputNames().get(o), lit[m.outputNodes().get(o)]);
        return new Built(b.build(), ImmutableIntArray.copyOf(lit));
    }

    /**
     * Partners of {@code built}'s nodes in the network a mapping was made from: each gate's root, through the literal
     * computing the gate (complemented with it). Every other AND node is {@link Partners#INNER}: the inner ANDs of a
     * gate, and the gates a mapping leaves unrooted (a NOR formula's inner gates, a full adder's), lie under a rooted
     * gate and are proven with it. {@code roots} as {@link kautz.mapping.RootedMapping#roots()}.
     */
    public static int[] partners(Built built, ImmutableIntArray roots) {
        Aig aig = built.network();
        int[] partners = new int[aig.size()];
        Arrays.fill(partners, Partners.NONE);
        for (int n = aig.firstAnd(); n < aig.size(); n++) partners[n] = Partners.INNER;
        for (int v = 0; v < roots.length(); v++) {
            int root = roots.get(v), lit = built.literals().get(v), n = Lit.node(lit);
            if (root < 0 || !aig.isAnd(n) || partners[n] != Partners.INNER) continue;
            partners[n] = Lit.notIf(root, Lit.isComplement(lit));
        }
        return partners;
    }

    /** The gate as the ops the emitter runs for it (kautz.schedule.Emitter), on the cell's pre-state. */
    private static int asOps(AigBuilder b, GateImpl impl, int[] args) {
        Opcode op = impl.opcode();
        if (impl.inPlace()) { // imp f0, q; imp f1, q; … into the last fan-in's cell
            int q = args[args.length - 1];
            for (int i = 0; i < args.length - 1; i++) q = OpSemantics.apply(b, op, q, new int[] {args[i]});
            return q;
        }
        int d = impl.destPrestate() == 1 ? Lit.TRUE : Lit.FALSE;
        if (impl.serial() || op == Opcode.IMP) {
            for (int a : args) d = OpSemantics.apply(b, op, d, new int[] {a});
            return d;
        }
        return OpSemantics.apply(b, op, d, args);
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
