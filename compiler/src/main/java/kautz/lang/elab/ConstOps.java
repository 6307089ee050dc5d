package kautz.lang.elab;

import kautz.lang.ast.BinaryOp;
import kautz.lang.ast.Pos;

import java.math.BigInteger;

/** Operators on compile-time integers (unbounded, two's complement for the bitwise ones, comparisons give 0 or 1). */
final class ConstOps {
    private ConstOps() {}

    static BigInteger binary(BinaryOp op, BigInteger x, BigInteger y, Pos pos) {
        BigInteger r = switch (op) {
            case OR -> x.or(y);
            case XOR -> x.xor(y);
            case AND -> x.and(y);
            case EQ -> truth(x.equals(y));
            case NE -> truth(!x.equals(y));
            case LT -> truth(x.compareTo(y) < 0);
            case LE -> truth(x.compareTo(y) <= 0);
            case GT -> truth(x.compareTo(y) > 0);
            case GE -> truth(x.compareTo(y) >= 0);
            case ADD -> x.add(y);
            case SUB -> x.subtract(y);
            case MUL -> {
                if ((long) x.bitLength() + y.bitLength() > Limits.MAX_CONST_BITS) throw tooLarge(pos);
                yield x.multiply(y);
            }
            case DIV, MOD -> {
                if (y.signum() == 0) throw pos.error("division by zero in a compile-time expression");
                yield op == BinaryOp.DIV ? x.divide(y) : x.remainder(y);
            }
            case SHL -> {
                if (y.signum() < 0) throw pos.error("negative shift amount " + y);
                if (y.bitLength() > 31 || x.bitLength() + y.longValue() > Limits.MAX_CONST_BITS) {
                    if (x.signum() == 0) yield BigInteger.ZERO;
                    throw tooLarge(pos);
                }
                yield x.shiftLeft(y.intValue());
            }
            case SHR -> {
                if (y.signum() < 0) throw pos.error("negative shift amount " + y);
                yield y.bitLength() > 31 ? (x.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO) : x.shiftRight(y.intValue());
            }
        };
        if (r.bitLength() > Limits.MAX_CONST_BITS) throw tooLarge(pos);
        return r;
    }

    /** 2^w - 1. */
    static BigInteger mask(int w) { return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE); }

    private static BigInteger truth(boolean b) { return b ? BigInteger.ONE : BigInteger.ZERO; }

    private static kautz.diag.UserError tooLarge(Pos pos) {
        return pos.error("compile-time integer larger than " + Limits.MAX_CONST_BITS + " bits (the limit)");
    }
}
