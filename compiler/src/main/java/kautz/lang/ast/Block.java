package kautz.lang.ast;

import java.util.List;

/** {@code { statements }}; declarations inside are scoped to it. */
public record Block(Pos pos, List<Stmt> stmts) implements Node {
    public Block { stmts = List.copyOf(stmts); }
}
