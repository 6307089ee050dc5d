package kautz.lang.ast;

/**
 * {@code u<width>} or {@code s<width>} (two's complement, {@code signed}); {@code bit} is written with
 * {@code bit = true} and width 1.
 */
public record TypeRef(Pos pos, boolean bit, Expr width, boolean signed) implements Node {
    public TypeRef(Pos pos, boolean bit, Expr width) { this(pos, bit, width, false); }
}
