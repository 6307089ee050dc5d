package kautz.lang.ast;

/** Every AST node knows where it was written. */
public interface Node {
    Pos pos();
}
