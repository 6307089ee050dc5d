package kautz.lang.ast;

/** {@code const W = 8;} — a compile-time integer. */
public record ConstDecl(Pos pos, String name, Expr value) implements Item {}
