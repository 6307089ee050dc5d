package kautz.verify;

import kautz.isa.Opcode;
import kautz.network.AigBuilder;
import kautz.network.Lit;

/**
 * The physical semantics of one logic micro-op on literals (docs/isa.md), built the one way both
 * {@link SymbolicExecution} and {@link MappedAig} build it: a mapped gate and the ops the program runs for it
 * then hash to the same nodes, so the mapped ≡ program link is mostly proven by structure.
 */
final class OpSemantics {
    private OpSemantics() {}

    /**
     * The new value of the destination of {@code op} with old value {@code dest} and sources {@code src}
     * (for {@code imp p, q}: {@code dest} is q's old value and {@code src} holds p).
     */
    static int apply(AigBuilder b, Opcode op, int dest, int[] src) {
        return switch (op) {
            // d := d ∧ ¬(a ∨ b ∨ …) = d ∧ ¬a ∧ ¬b ∧ …
            case NOR -> b.and(dest, Lit.not(anyOf(b, src)));
            // d := d ∨ (a ∨ b ∨ …)
            case OR -> b.or(dest, anyOf(b, src));
            // d := d ∧ ¬(a ∧ b ∧ …)
            case NAND -> b.and(dest, Lit.not(allOf(b, src)));
            // d := d ∨ (a ∧ b ∧ …)
            case AND -> b.or(dest, allOf(b, src));
            // q := ¬p ∨ q
            case IMP -> b.or(Lit.not(src[0]), dest);
            // d := d ∧ ¬maj(a, b, c)
            case MIN3 -> b.and(dest, Lit.not(b.maj(src[0], src[1], src[2])));
            default -> throw new IllegalArgumentException(op + " is not a logic op");
        };
    }

    private static int anyOf(AigBuilder b, int[] src) {
        int r = Lit.FALSE;
        for (int s : src) r = b.or(r, s);
        return r;
    }

    private static int allOf(AigBuilder b, int[] src) {
        int r = Lit.TRUE;
        for (int s : src) r = b.and(r, s);
        return r;
    }
}
