package kautz.lang;

import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.isa.IoBit;
import kautz.isa.Program;
import kautz.jit.JitEngine;
import kautz.lang.elab.CompiledKernel;
import kautz.load.Design;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.ports.Port;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * std.float bit for bit: binary32 against Java's {@code float} arithmetic and comparisons (strict IEEE 754,
 * round to nearest even, subnormals), binary16 and bfloat16 against an exact rational reference
 * ({@link #exact}) that is itself checked against Java on binary32. Java 17 has no binary16 type
 * (Float.floatToFloat16 came with Java 20), hence the reference. Every NaN result must be the canonical
 * quiet NaN std.float documents (0x7fc00000 for binary32), whatever NaN Java's operation produced.
 * Operands mix uniformly random encodings with special values, subnormals, exponents at the format's
 * boundaries and operand pairs whose exponents are close (cancellation) or whose product or quotient lands
 * near the underflow and overflow thresholds.
 */
class FloatTest {
    record Format(String prefix, int e, int m) {
        int width() { return 1 + e + m; }
        int bias() { return (1 << (e - 1)) - 1; }
        long mask() { return (1L << width()) - 1; }
        long inf() { return ((1L << e) - 1) << m; }
        long qnan() { return inf() | 1L << (m - 1); }
        long sign() { return 1L << (e + m); }
        boolean isNan(long x) { return (x & ~sign() & mask()) > inf(); }
    }

    static final Format F32 = new Format("f32", 8, 23);
    static final Format F16 = new Format("f16", 5, 10);
    static final Format BF16 = new Format("bf16", 8, 7);
    static final String[] OPS = {"add", "sub", "mul", "div", "lt", "le", "eq"};

    private static final Map<String, CompiledKernel> KERNELS = new HashMap<>();

    /** A kernel y = PREFIX_OP(a, b). */
    static synchronized CompiledKernel kernel(Format f, String op) {
        return KERNELS.computeIfAbsent(f.prefix() + "_" + op, name -> {
            boolean cmp = op.length() == 2;
            String src = "import std.float;\nkernel k(a: u<" + f.width() + ">, b: u<" + f.width() + ">) -> (y: "
                    + (cmp ? "bit" : "u<" + f.width() + ">") + ") {\n    y = " + name + "(a, b);\n}\n";
            return KautzCompiler.compile(name + ".kz", src).kernel(null);
        });
    }

    /** The kernel's network simulated on the rows (a[r], b[r]), 64 rows a word. */
    static long[] simulate(CompiledKernel k, long[] a, long[] b) {
        int rows = a.length;
        long[][] in = new long[k.network().numInputs()][BitPlanes.words(rows)];
        pack(in, k.inputs().get(0), a);
        pack(in, k.inputs().get(1), b);
        return unpack(AigSimulator.simulate(k.network(), in), k.outputs().get(0), rows);
    }

    static void pack(long[][] planes, Port p, long[] values) {
        for (int i = 0; i < p.width(); i++) {
            long[] plane = planes[p.positions().get(i)];
            for (int r = 0; r < values.length; r++) plane[r >>> 6] |= (values[r] >>> i & 1L) << (r & 63);
        }
    }

    static long[] unpack(long[][] planes, Port p, int rows) {
        long[] out = new long[rows];
        for (int i = 0; i < p.width(); i++) {
            long[] plane = planes[p.positions().get(i)];
            for (int r = 0; r < rows; r++) out[r] |= (plane[r >>> 6] >>> (r & 63) & 1L) << i;
        }
        return out;
    }

    /** Java's float result: an encoding (NaNs as the canonical quiet NaN) or a comparison as 0/1. */
    static long java(String op, long a, long b) {
        float x = Float.intBitsToFloat((int) a), y = Float.intBitsToFloat((int) b);
        float r;
        switch (op) {
            case "add": r = x + y; break;
            case "sub": r = x - y; break;
            case "mul": r = x * y; break;
            case "div": r = x / y; break;
            case "lt": return x < y ? 1 : 0;
            case "le": return x <= y ? 1 : 0;
            case "eq": return x == y ? 1 : 0;
            default: throw new IllegalArgumentException(op);
        }
        return Float.isNaN(r) ? 0x7fc00000L : Float.floatToRawIntBits(r) & 0xffffffffL;
    }

    // ---- the exact reference: decode to rationals, compute exactly, round once ----

    /** The exact IEEE result of a op b in format f, rounded to nearest even; NaNs canonical. */
    static long exact(Format f, String op, long a, long b) {
        if (op.length() == 2) {
            double x = toDouble(f, a), y = toDouble(f, b);
            return switch (op) {
                case "lt" -> x < y ? 1 : 0;
                case "le" -> x <= y ? 1 : 0;
                default -> x == y ? 1 : 0;
            };
        }
        if (op.equals("sub")) return exact(f, "add", a, b ^ f.sign());
        if (f.isNan(a) || f.isNan(b)) return f.qnan();
        boolean sa = (a & f.sign()) != 0, sb = (b & f.sign()) != 0;
        long ma = a & ~f.sign(), mb = b & ~f.sign();
        boolean infA = ma == f.inf(), infB = mb == f.inf(), zeroA = ma == 0, zeroB = mb == 0;
        long signBit = f.sign();
        switch (op) {
            case "add": {
                if (infA && infB) return sa == sb ? a : f.qnan();
                if (infA) return a;
                if (infB) return b;
                int ea = Math.max(1, (int) (ma >>> f.m())), eb = Math.max(1, (int) (mb >>> f.m()));
                int lo = Math.min(ea, eb);
                BigInteger x = BigInteger.valueOf(significand(f, ma)).shiftLeft(ea - lo);
                BigInteger y = BigInteger.valueOf(significand(f, mb)).shiftLeft(eb - lo);
                BigInteger n = (sa ? x.negate() : x).add(sb ? y.negate() : y);
                if (n.signum() == 0) return sa && sb ? signBit : 0;
                return round(f, n.signum() < 0, n.abs(), BigInteger.ONE, lo - f.bias() - f.m());
            }
            case "mul": {
                long s = sa != sb ? signBit : 0;
                if ((infA && zeroB) || (zeroA && infB)) return f.qnan();
                if (infA || infB) return s | f.inf();
                if (zeroA || zeroB) return s;
                int ea = Math.max(1, (int) (ma >>> f.m())), eb = Math.max(1, (int) (mb >>> f.m()));
                BigInteger n = BigInteger.valueOf(significand(f, ma)).multiply(BigInteger.valueOf(significand(f, mb)));
                return s | round(f, false, n, BigInteger.ONE, ea + eb - 2 * (f.bias() + f.m()));
            }
            case "div": {
                long s = sa != sb ? signBit : 0;
                if ((zeroA && zeroB) || (infA && infB)) return f.qnan();
                if (infA || zeroB) return s | f.inf();
                if (zeroA || infB) return s;
                int ea = Math.max(1, (int) (ma >>> f.m())), eb = Math.max(1, (int) (mb >>> f.m()));
                return s | round(f, false, BigInteger.valueOf(significand(f, ma)), BigInteger.valueOf(significand(f, mb)), ea - eb);
            }
            default: throw new IllegalArgumentException(op);
        }
    }

    static long significand(Format f, long magnitude) {
        long frac = magnitude & ((1L << f.m()) - 1);
        return (magnitude >>> f.m()) == 0 ? frac : frac | 1L << f.m();
    }

    static double toDouble(Format f, long x) {
        if (f.isNan(x)) return Double.NaN;
        long mag = x & ~f.sign();
        double v = mag == f.inf() ? Double.POSITIVE_INFINITY
                : Math.scalb((double) significand(f, mag), Math.max(1, (int) (mag >>> f.m())) - f.bias() - f.m());
        return (x & f.sign()) != 0 ? -v : v;
    }

    /** The encoding of (neg ? -1 : 1) * n / d * 2^k (n, d > 0) rounded to nearest even, overflowing to infinity. */
    static long round(Format f, boolean neg, BigInteger n, BigInteger d, int k) {
        int e = n.bitLength() - d.bitLength();                  // floor(log2(n / d)) is e or e - 1
        boolean below = e >= 0 ? n.compareTo(d.shiftLeft(e)) < 0 : n.shiftLeft(-e).compareTo(d) < 0;
        if (below) e--;
        e = Math.max(e + k, 1 - f.bias());                      // subnormals share the least normal exponent
        int shift = k - (e - f.m());                            // scale so that one unit is the last place
        BigInteger num = shift >= 0 ? n.shiftLeft(shift) : n, den = shift >= 0 ? d : d.shiftLeft(-shift);
        BigInteger[] qr = num.divideAndRemainder(den);
        BigInteger t = qr[0];
        int half = qr[1].shiftLeft(1).compareTo(den);
        if (half > 0 || (half == 0 && t.testBit(0))) t = t.add(BigInteger.ONE);
        // t in [2^M, 2^(M+1)] for normal results (2^(M+1) carries into the exponent), below 2^M for subnormals
        long bits = ((long) (e + f.bias() - 1) << f.m()) + t.longValue();
        if (bits >= f.inf()) bits = f.inf();
        return (neg ? f.sign() : 0) | bits;
    }

    // ---- operands ----

    static long[] specials(Format f) {
        long one = (long) f.bias() << f.m(), fracMask = (1L << f.m()) - 1;
        long[] mags = {0, 1, 2, 3, fracMask >>> 1, fracMask - 1, fracMask, 1L << f.m(), (1L << f.m()) + 1,
                one, one + 1, one - 1, one + fracMask, (2L << f.m()) | fracMask, (long) (f.bias() + 1) << f.m(),
                f.inf() - 1, f.inf() - 2, f.inf() - (1L << f.m()), f.inf(), f.inf() + 1, f.qnan(), f.inf() | fracMask};
        long[] all = new long[2 * mags.length];
        for (int i = 0; i < mags.length; i++) {
            all[2 * i] = mags[i];
            all[2 * i + 1] = mags[i] | f.sign();
        }
        return all;
    }

    /** An encoding with exponent field exp and random sign and fraction (sometimes an extreme fraction). */
    static long withExponent(Format f, Random rnd, long exp) {
        long fracMask = (1L << f.m()) - 1;
        long frac = switch (rnd.nextInt(6)) {
            case 0 -> 0;
            case 1 -> fracMask;
            case 2 -> 1;
            default -> rnd.nextLong() & fracMask;
        };
        long e = Math.max(0, Math.min((1L << f.e()) - 1, exp));
        return (rnd.nextBoolean() ? f.sign() : 0) | e << f.m() | frac;
    }

    /** Operand pairs: row r is (ops[0][r], ops[1][r]). */
    static long[][] operands(Format f, String op, int rows, long seed) {
        Random rnd = new Random(seed);
        long[] sp = specials(f);
        long[] a = new long[rows], b = new long[rows];
        int r = 0;
        for (long x : sp) {                                     // every pair of special values
            for (long y : sp) {
                if (r < rows) { a[r] = x; b[r] = y; r++; }
            }
        }
        long maxExp = (1L << f.e()) - 1;
        for (; r < rows; r++) {
            long x = rnd.nextLong() & f.mask(), y = rnd.nextLong() & f.mask();
            long ex = x >>> f.m() & maxExp;
            switch (rnd.nextInt(8)) {
                case 0, 1 -> { }                                // uniform encodings
                case 2 -> y = withExponent(f, rnd, ex + rnd.nextInt(2 * f.m() + 9) - f.m() - 4);   // alignment, cancellation
                case 3 -> { x = withExponent(f, rnd, rnd.nextInt(3)); y = withExponent(f, rnd, rnd.nextInt(f.m() + 3)); }
                case 4 -> {                                     // product or quotient near the subnormal range
                    long target = rnd.nextInt(2 * f.m() + 6) - f.m() - 3;
                    long ey = op.equals("div") ? ex - target + f.bias() - 1 : target - ex + f.bias();
                    y = withExponent(f, rnd, ey);
                }
                case 5 -> {                                     // ... near overflow
                    long target = maxExp - 1 - rnd.nextInt(4);
                    long ey = op.equals("div") ? ex - target + f.bias() : target - ex + f.bias();
                    y = withExponent(f, rnd, ey);
                }
                case 6 -> { x = sp[rnd.nextInt(sp.length)]; }
                default -> { y = sp[rnd.nextInt(sp.length)]; }
            }
            if (rnd.nextBoolean()) { a[r] = x; b[r] = y; } else { a[r] = y; b[r] = x; }
        }
        return new long[][]{a, b};
    }

    static String hex(Format f, long v) { return String.format("0x%0" + (f.width() / 4) + "x", v); }

    static void assertRows(Format f, String op, long[] a, long[] b, long[] got, java.util.function.LongBinaryOperator want) {
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (int r = 0; r < a.length; r++) {
            long w = want.applyAsLong(a[r], b[r]);
            if (got[r] != w) {
                if (bad++ < 5) first.append(String.format("%n  %s_%s(%s, %s) = %s, want %s", f.prefix(), op,
                        hex(f, a[r]), hex(f, b[r]), hex(f, got[r]), hex(f, w)));
            }
        }
        assertEquals(0, bad, bad + " of " + a.length + " rows differ:" + first);
    }

    // ---- the tests ----

    static void binary32MatchesJava(int rows, long seed) {
        for (String op : OPS) {
            long[][] ab = operands(F32, op, rows, seed + op.hashCode());
            long[] got = simulate(kernel(F32, op), ab[0], ab[1]);
            assertRows(F32, op, ab[0], ab[1], got, (x, y) -> java(op, x, y));
        }
    }

    @Test
    void binary32MatchesJava() {
        binary32MatchesJava(1 << 16, 0);
    }

    @Test
    @Tag("slow")
    void binary32MatchesJavaOnFourMillionOperandsPerOperation() {
        binary32MatchesJava(1 << 22, 1);
    }

    @Test
    void theExactReferenceAgreesWithJava() {
        for (String op : OPS) {
            long[][] ab = operands(F32, op, 50_000, 7 + op.hashCode());
            long[] ref = new long[ab[0].length];
            for (int r = 0; r < ref.length; r++) ref[r] = exact(F32, op, ab[0][r], ab[1][r]);
            assertRows(F32, op, ab[0], ab[1], ref, (x, y) -> java(op, x, y));
        }
    }

    @Test
    void binary16AndBfloat16MatchTheExactReference() {
        for (Format f : new Format[]{F16, BF16}) {
            for (String op : OPS) {
                long[][] ab = operands(f, op, 1 << 14, 11 + op.hashCode());
                long[] got = simulate(kernel(f, op), ab[0], ab[1]);
                assertRows(f, op, ab[0], ab[1], got, (x, y) -> exact(f, op, x, y));
            }
        }
    }

    @Test
    void binary16IsExactForEveryFirstOperand() {
        // all 2^16 first operands against a spread of second operands: every exponent, both signs
        List<Long> firsts = new ArrayList<>();
        for (long x = 0; x < 1 << 16; x++) firsts.add(x);
        Random rnd = new Random(5);
        for (int t = 0; t < 2; t++) {
            long y = rnd.nextLong() & F16.mask();
            long[] a = firsts.stream().mapToLong(Long::longValue).toArray();
            long[] b = new long[a.length];
            java.util.Arrays.fill(b, y);
            for (String op : new String[]{"add", "mul", "div"}) {
                assertRows(F16, op, a, b, simulate(kernel(F16, op), a, b), (p, q) -> exact(F16, op, p, q));
            }
        }
    }

    /**
     * The binary32 multiply and divide compiled for magic-nor and run by the JIT on a million rows, compared
     * with Java directly: the program, not only its source network, is bit-exact.
     */
    @Test
    @Tag("slow")
    void compiledBinary32ProgramsMatchJavaInTheJit() {
        for (String op : new String[]{"add", "mul", "div"}) {
            CompiledKernel k = kernel(F32, op);
            Compiled c = Flow.compile(Design.ofNetwork("f32_" + op, k.network()), FlowOptions.defaults());
            Program p = c.program();
            long[][] ab = operands(F32, op, 1 << 20, 3 + op.hashCode());
            int rows = ab[0].length;
            Map<String, Integer> byName = new HashMap<>();
            List<String> names = k.network().inputNames();
            for (int i = 0; i < names.size(); i++) byName.put(names.get(i), i);
            long[][] networkIn = new long[names.size()][BitPlanes.words(rows)];
            pack(networkIn, k.inputs().get(0), ab[0]);
            pack(networkIn, k.inputs().get(1), ab[1]);
            long[][] programIn = new long[p.inputs().size()][];
            for (int i = 0; i < programIn.length; i++) programIn[i] = networkIn[byName.get(p.inputs().get(i).name())];
            long[][] out = new JitEngine().run(p, programIn, rows);
            long[] got = new long[rows];
            List<IoBit> outs = p.outputs();
            for (int o = 0; o < outs.size(); o++) {
                String name = outs.get(o).name();                // y[i]
                int bit = Integer.parseInt(name.substring(name.indexOf('[') + 1, name.indexOf(']')));
                for (int r = 0; r < rows; r++) got[r] |= (out[o][r >>> 6] >>> (r & 63) & 1L) << bit;
            }
            assertRows(F32, op, ab[0], ab[1], got, (x, y) -> java(op, x, y));
        }
    }
}
