package kautz.lang.elab;

import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.Arrays;

/** Word-level operators as bit-level circuits on an {@link AigBuilder}; vectors are literals, bit 0 first. */
final class Circuits {
    private final AigBuilder b;

    Circuits(AigBuilder b) { this.b = b; }

    int[] not(int[] x) {
        int[] r = new int[x.length];
        for (int i = 0; i < x.length; i++) r[i] = Lit.not(x[i]);
        return r;
    }

    int[] and(int[] x, int[] y) {
        int[] r = new int[x.length];
        for (int i = 0; i < x.length; i++) r[i] = b.and(x[i], y[i]);
        return r;
    }

    int[] or(int[] x, int[] y) {
        int[] r = new int[x.length];
        for (int i = 0; i < x.length; i++) r[i] = b.or(x[i], y[i]);
        return r;
    }

    int[] xor(int[] x, int[] y) {
        int[] r = new int[x.length];
        for (int i = 0; i < x.length; i++) r[i] = b.xor(x[i], y[i]);
        return r;
    }

    int[] maj(int[] x, int[] y, int[] z) {
        int[] r = new int[x.length];
        for (int i = 0; i < x.length; i++) r[i] = b.maj(x[i], y[i], z[i]);
        return r;
    }

    int[] mux(int c, int[] t, int[] e) {
        int[] r = new int[t.length];
        for (int i = 0; i < t.length; i++) r[i] = b.mux(c, t[i], e[i]);
        return r;
    }

    int mux(int c, int t, int e) { return b.mux(c, t, e); }

    /** Ripple-carry x + y + cin; returns w sum bits followed by the carry out (w+1 literals). */
    int[] addWithCarry(int[] x, int[] y, int cin) {
        int w = x.length;
        int[] r = new int[w + 1];
        int c = cin;
        for (int i = 0; i < w; i++) {
            r[i] = b.xor(b.xor(x[i], y[i]), c);
            c = b.maj(x[i], y[i], c);
        }
        r[w] = c;
        return r;
    }

    /** (x + y) mod 2^w */
    int[] add(int[] x, int[] y) { return Arrays.copyOf(addWithCarry(x, y, Lit.FALSE), x.length); }

    /** x - y = x + ~y + 1 (mod 2^w) */
    int[] sub(int[] x, int[] y) { return Arrays.copyOf(addWithCarry(x, not(y), Lit.TRUE), x.length); }

    /** -x = ~x + 1 (mod 2^w) */
    int[] neg(int[] x) { return sub(zeros(x.length), x); }

    /** Array multiplier, keeping the low w bits: sum over i of (y[i] ? x << i : 0). */
    int[] mul(int[] x, int[] y) {
        int w = x.length;
        int[] acc = zeros(w);
        for (int i = 0; i < w; i++) {
            if (y[i] == Lit.FALSE) continue;
            int[] pp = new int[w - i];
            for (int j = 0; j < w - i; j++) pp[j] = b.and(x[j], y[i]);
            int[] hi = Arrays.copyOfRange(acc, i, w);
            int[] sum = add(hi, pp);
            System.arraycopy(sum, 0, acc, i, w - i);
        }
        return acc;
    }

    /** x < y unsigned: no carry out of x + ~y + 1. */
    int ult(int[] x, int[] y) { return Lit.not(addWithCarry(x, not(y), Lit.TRUE)[x.length]); }

    /** x < y, signed (two's complement) or unsigned: flipping both sign bits turns the signed order into the unsigned one. */
    int lt(int[] x, int[] y, boolean signed) {
        if (!signed) return ult(x, y);
        int[] fx = x.clone(), fy = y.clone();
        fx[x.length - 1] = Lit.not(x[x.length - 1]);
        fy[y.length - 1] = Lit.not(y[y.length - 1]);
        return ult(fx, fy);
    }

    /**
     * Quotient and remainder, {@code {q, r}}, by restoring division (std.arith's udiv and urem). Unsigned:
     * y = 0 gives q = all ones and r = x. Signed: truncating, the remainder takes the dividend's sign (as
     * Java's / and %); y = 0 gives q = -1 (all ones) and r = x; MIN / -1 gives q = MIN, r = 0.
     */
    int[][] divmod(int[] x, int[] y, boolean signed) {
        if (!signed) return udivmod(x, y);
        int w = x.length;
        int sx = x[w - 1], sy = y[w - 1];
        int[][] qr = udivmod(mux(sx, neg(x), x), mux(sy, neg(y), y));
        // Negating the quotient of a division by zero would turn all ones into 1.
        int negateQ = b.and(b.xor(sx, sy), reduceOr(y));
        return new int[][]{mux(negateQ, neg(qr[0]), qr[0]), mux(sx, neg(qr[1]), qr[1])};
    }

    /** Restoring division: one bit of the dividend brought down per step, the divisor subtracted when it fits. */
    private int[][] udivmod(int[] x, int[] y) {
        int w = x.length;
        int[] q = new int[w];
        int[] rem = zeros(w + 1);
        int[] divisor = resize(y, w + 1);
        for (int k = w - 1; k >= 0; k--) {
            int[] shifted = new int[w + 1];
            shifted[0] = x[k];
            System.arraycopy(rem, 0, shifted, 1, w);
            int[] d = addWithCarry(shifted, not(divisor), Lit.TRUE);
            int noBorrow = d[w + 1];
            q[k] = noBorrow;
            rem = mux(noBorrow, Arrays.copyOf(d, w + 1), shifted);
        }
        return new int[][]{q, Arrays.copyOf(rem, w)};
    }

    /** x == y: every bit pair equal. */
    int eq(int[] x, int[] y) {
        int r = Lit.TRUE;
        for (int i = 0; i < x.length; i++) r = b.and(r, b.xnor(x[i], y[i]));
        return r;
    }

    int reduceAnd(int[] x) {
        int r = Lit.TRUE;
        for (int l : x) r = b.and(r, l);
        return r;
    }

    int reduceOr(int[] x) {
        int r = Lit.FALSE;
        for (int l : x) r = b.or(r, l);
        return r;
    }

    int reduceXor(int[] x) {
        int r = Lit.FALSE;
        for (int l : x) r = b.xor(r, l);
        return r;
    }

    /** x << k, width kept (bits shifted out are lost). */
    static int[] shl(int[] x, long k) {
        int[] r = zeros(x.length);
        for (int i = 0; i < x.length; i++) if (i - k >= 0) r[i] = x[(int) (i - k)];
        return r;
    }

    /** x >> k (logical), width kept. */
    static int[] shr(int[] x, long k) {
        int[] r = zeros(x.length);
        for (int i = 0; i < x.length; i++) if (i + k < x.length) r[i] = x[(int) (i + k)];
        return r;
    }

    /** x >> k (arithmetic: the sign bit fills), width kept. */
    static int[] sar(int[] x, long k) {
        int[] r = new int[x.length];
        for (int i = 0; i < x.length; i++) r[i] = i + k < x.length ? x[(int) (i + k)] : x[x.length - 1];
        return r;
    }

    /** Extends (by the sign bit if signed, else with zeros) or truncates to w bits. */
    static int[] extend(int[] x, int w, boolean signed) {
        int[] r = resize(x, w);
        if (signed) for (int i = x.length; i < w; i++) r[i] = x[x.length - 1];
        return r;
    }

    /** Zero-extends or truncates to w bits. */
    static int[] resize(int[] x, int w) {
        int[] r = zeros(w);
        System.arraycopy(x, 0, r, 0, Math.min(w, x.length));
        return r;
    }

    /** w constant-false literals (Lit.FALSE is 0). */
    static int[] zeros(int w) { return new int[w]; }

    /** The low w bits of a (possibly negative, two's complement) integer as constant literals. */
    static int[] constant(java.math.BigInteger v, int w) {
        int[] r = new int[w];
        for (int i = 0; i < w; i++) r[i] = v.testBit(i) ? Lit.TRUE : Lit.FALSE;
        return r;
    }
}
