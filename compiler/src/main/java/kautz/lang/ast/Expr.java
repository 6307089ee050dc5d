package kautz.lang.ast;

import java.math.BigInteger;
import java.util.List;

/** Expressions. */
public sealed interface Expr extends Node {
    /** An integer literal as written ({@code 13}, {@code 0x0d}, {@code 0b1101}); unsized until used. */
    record Literal(Pos pos, BigInteger value, String text) implements Expr {}

    record Name(Pos pos, String name) implements Expr {}

    record Unary(Pos pos, UnaryOp op, Expr operand) implements Expr {}

    record Binary(Pos pos, BinaryOp op, Expr left, Expr right) implements Expr {}

    /** {@code cond ? then : orElse} */
    record Ternary(Pos pos, Expr cond, Expr then, Expr orElse) implements Expr {}

    /** {@code x[i]} */
    record Index(Pos pos, Expr target, Expr index) implements Expr {}

    /** {@code x[hi:lo]} (inclusive) */
    record Slice(Pos pos, Expr target, Expr hi, Expr lo) implements Expr {}

    /** {@code {hi, …, lo}} */
    record Concat(Pos pos, List<Expr> parts) implements Expr {
        public Concat { parts = List.copyOf(parts); }
    }

    /** {@code u<N>(x)} or {@code bit(x)}: zero-extend or truncate. */
    record Cast(Pos pos, TypeRef type, Expr value) implements Expr {}

    /** {@code f(args)}: a function or a built-in gate. */
    record Call(Pos pos, String name, List<Expr> args) implements Expr {
        public Call { args = List.copyOf(args); }
    }
}
