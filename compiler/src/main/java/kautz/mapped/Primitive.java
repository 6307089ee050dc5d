package kautz.mapped;

/**
 * A gate kind of a mapped network: its name (as in a netlist, e.g. {@code nor2}, {@code inv1}), its number
 * of inputs and its function as a truth table over those inputs (bit {@code m} of {@code truthTable} is the
 * output for input minterm {@code m}, input 0 being the least significant bit of {@code m}).
 *
 * <p>Arity-0 primitives are the constants. Primitives say what a gate computes; how it becomes micro-ops
 * (which opcode, which pre-state, how many cycles) is the gate family's business.
 */
public record Primitive(String name, int arity, long truthTable) {
    public Primitive {
        if (arity < 0 || arity > 6) throw new IllegalArgumentException("arity " + arity + " outside 0..6");
        long mask = arity == 6 ? -1L : (1L << (1 << arity)) - 1;
        if ((truthTable & ~mask) != 0) throw new IllegalArgumentException("truth table wider than 2^" + arity);
    }

    public boolean isConstant() { return arity == 0; }

    /** Evaluates the gate on 64 rows at once. */
    public long eval(long[] in) {
        long result = 0;
        for (int m = 0; m < 1 << arity; m++) {
            if ((truthTable >>> m & 1) == 0) continue;
            long term = -1L;
            for (int i = 0; i < arity; i++) term &= (m >>> i & 1) != 0 ? in[i] : ~in[i];
            result |= term;
        }
        return result;
    }
}
