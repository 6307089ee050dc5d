package kautz.lang.ast;

/** {@code u<width>}; {@code bit} is written with {@code bit = true} and width 1. */
public record TypeRef(Pos pos, boolean bit, Expr width) implements Node {}
