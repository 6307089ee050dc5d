package kautz.lang.ast;

/** The left side of an assignment. */
public sealed interface Target extends Node {
    String name();

    /** {@code x = …} */
    record Whole(Pos pos, String name) implements Target {}

    /** {@code x[i] = …} (also {@code m[j] = …} for a mem cell) */
    record Bit(Pos pos, String name, Expr index) implements Target {}

    /** {@code x[hi:lo] = …} */
    record Slice(Pos pos, String name, Expr hi, Expr lo) implements Target {}
}
