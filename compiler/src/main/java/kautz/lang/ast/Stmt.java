package kautz.lang.ast;

import java.util.List;

/** Statements. */
public sealed interface Stmt extends Node {
    /** {@code var name: type [= init];} — {@code init} may be null. */
    record Var(Pos pos, String name, TypeRef type, Expr init) implements Stmt {}

    /**
     * {@code var name: int = init;} (an extension): a compile-time integer that may be reassigned, whole or
     * by bits and slices, with compile-time values; it is a compile-time integer wherever it is read.
     */
    record IntVar(Pos pos, String name, Expr init) implements Stmt {}

    /** {@code target = value;} */
    record Assign(Pos pos, Target target, Expr value) implements Stmt {}

    /** {@code (t1, t2, …) = f(…);} */
    record TupleAssign(Pos pos, List<Target> targets, Expr value) implements Stmt {
        public TupleAssign { targets = List.copyOf(targets); }
    }

    /** {@code for var in lo..hi { body }} — {@code var} takes lo .. hi-1; unrolled. */
    record For(Pos pos, String var, Expr lo, Expr hi, Block body) implements Stmt {}

    /** {@code if cond { then } else { orElse }} — {@code orElse} may be null. */
    record If(Pos pos, Expr cond, Block then, Block orElse) implements Stmt {}

    /** {@code return value;} */
    record Return(Pos pos, Expr value) implements Stmt {}
}
