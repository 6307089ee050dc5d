package kautz.lang.elab;

import java.math.BigInteger;
import java.util.List;

/** What an expression elaborates to. */
sealed interface Val {
    /** A compile-time integer, unsized until a context gives it a width. */
    record Const(BigInteger value) implements Val {}

    /** A sized run-time vector: one network literal per bit, bit 0 first; {@code signed} for an {@code s<N>}. */
    record Bits(int[] lits, boolean signed) implements Val {
        Bits(int[] lits) { this(lits, false); }

        int width() { return lits.length; }

        /** How the type is written: {@code u<8>}, {@code s<8>}. */
        String type() { return KernelElaboration.typeName(width(), signed); }
    }

    /** The named results of a function call. */
    record Tuple(List<String> names, List<Bits> parts) implements Val {}
}
