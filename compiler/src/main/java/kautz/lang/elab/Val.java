package kautz.lang.elab;

import java.math.BigInteger;
import java.util.List;

/** What an expression elaborates to. */
sealed interface Val {
    /** A compile-time integer, unsized until a context gives it a width. */
    record Const(BigInteger value) implements Val {}

    /** A sized run-time vector: one network literal per bit, bit 0 first. */
    record Bits(int[] lits) implements Val {
        int width() { return lits.length; }
    }

    /** The named results of a function call. */
    record Tuple(List<String> names, List<Bits> parts) implements Val {}
}
