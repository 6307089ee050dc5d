package kautz.lang.ast;

/** What a routine returns: nothing (kernels only), one value, or named results. */
public sealed interface Results permits Results.None, Results.Single, Results.Named {
    /** A kernel whose only effects are writes to {@code mem} cells. */
    record None() implements Results {}

    /** {@code -> u<8>}: the routine ends with {@code return e;}. */
    record Single(TypeRef type) implements Results {}

    /** {@code -> (s: bit, co: bit)}: the body assigns each named result. */
    record Named(java.util.List<Param> results) implements Results {
        public Named { results = java.util.List.copyOf(results); }
    }
}
