package kautz.verify;

import kautz.isa.BooleanAlgebra;
import kautz.isa.Opcode;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.List;

/**
 * The physical semantics of one logic micro-op on literals: the op's {@link kautz.isa.GateForm} from the
 * {@link Opcode} table, over the algebra of AIG literals. {@link SymbolicExecution} and {@link MappedAig} both
 * build it this one way, so a mapped gate and the ops the program runs for it hash to the same nodes and the
 * mapped ≡ program link is mostly proven by structure.
 */
final class OpSemantics {
    private OpSemantics() {}

    /**
     * The new value of the destination of {@code op} with old value {@code dest} and sources {@code src}
     * (for {@code imp p, q}: {@code dest} is q's old value and {@code src} holds p).
     */
    static int apply(AigBuilder b, Opcode op, int dest, int[] src) {
        if (op.gate() == null) throw new IllegalArgumentException(op + " is not a logic op");
        List<Integer> s = new ArrayList<>(src.length);
        for (int x : src) s.add(x);
        return op.gate().apply(new Literals(b), dest, s);
    }

    /** Literals of the graph being built: and/or hash-consed, maj as the builder builds it. */
    private record Literals(AigBuilder b) implements BooleanAlgebra<Integer> {
        @Override public Integer zero() { return Lit.FALSE; }
        @Override public Integer one() { return Lit.TRUE; }
        @Override public Integer not(Integer a) { return Lit.not(a); }
        @Override public Integer and(Integer a, Integer c) { return b.and(a, c); }
        @Override public Integer or(Integer a, Integer c) { return b.or(a, c); }
        @Override public Integer maj(Integer a, Integer x, Integer c) { return b.maj(a, x, c); }
    }
}
