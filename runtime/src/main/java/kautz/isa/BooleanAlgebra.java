package kautz.isa;

/**
 * The operations the function of an op is written in ({@link GateForm#apply}), so that each engine gives them
 * its own meaning: 64 rows per {@code long} word, literals of an and-inverter graph (the verifier), or bytecode
 * that computes them (the JIT).
 *
 * @param <T> a value: a word of rows, a literal, an expression to emit
 */
public interface BooleanAlgebra<T> {
    T zero();

    T one();

    T not(T a);

    T and(T a, T b);

    T or(T a, T b);

    /** The majority of three: (a ∧ b) ∨ (c ∧ (a ∨ b)); an algebra with a cheaper form overrides it. */
    default T maj(T a, T b, T c) { return or(and(a, b), and(c, or(a, b))); }
}
