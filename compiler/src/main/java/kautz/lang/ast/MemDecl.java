package kautz.lang.ast;

/** {@code mem m: mlc<L>[K];} — K multi-level cells of L levels each. */
public record MemDecl(Pos pos, String name, Expr levels, Expr cells) implements Item {}
