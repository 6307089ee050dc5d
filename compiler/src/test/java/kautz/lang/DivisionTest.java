package kautz.lang;

import kautz.lang.elab.CompiledKernel;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.ports.Port;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Division and remainder, the language's {@code /} and {@code %} on {@code u<N>} and {@code s<N>} and std.arith's
 * udiv, urem, sdiv, srem and both division variants, against Java's {@code Integer.divideUnsigned},
 * {@code remainderUnsigned}, {@code /} and {@code %} (the {@code Long} ones at 64 bits): exhaustively up to 6
 * bits, on random operands and the special ones (0, 1, -1, MIN, MAX) above. Division by zero gives all ones
 * and the dividend; MIN / -1 gives MIN and 0.
 */
class DivisionTest {
    private static final int[] WIDTHS = {1, 2, 3, 5, 6, 8, 13, 16, 32, 64};

    @Test
    void unsignedDivisionMatchesJava() {
        for (int w : WIDTHS) {
            String src = ("import std.arith;\n"
                    + "kernel k(a: u<W>, b: u<W>) -> (q: u<W>, r: u<W>, q2: u<W>, r2: u<W>, q3: u<W>, r3: u<W>, q4: u<W>, r4: u<W>) {\n"
                    + "    q = a / b;\n    r = a % b;\n    q2 = udiv(a, b);\n    r2 = urem(a, b);\n"
                    + "    (q3, r3) = divmod_restoring(a, b);\n    (q4, r4) = divmod_nonrestoring(a, b);\n}\n").replace("W", "" + w);
            check(src, w, (a, b) -> {
                long ua = a & mask(w), ub = b & mask(w);
                if (ub == 0) return new long[]{mask(w), ua};
                if (w < 64) return new long[]{ua / ub, ua % ub};     // below 64 bits the values are non-negative longs
                return new long[]{Long.divideUnsigned(a, b), Long.remainderUnsigned(a, b)};
            });
        }
    }

    @Test
    void signedDivisionMatchesJava() {
        for (int w : WIDTHS) {
            String src = ("import std.arith;\n"
                    + "kernel k(a: s<W>, b: s<W>) -> (q: s<W>, r: s<W>, q2: u<W>, r2: u<W>) {\n"
                    + "    q = a / b;\n    r = a % b;\n    q2 = sdiv(u<W>(a), u<W>(b));\n    r2 = srem(u<W>(a), u<W>(b));\n}\n")
                    .replace("W", "" + w);
            check(src, w, (a, b) -> {
                long sa = signExtend(a, w), sb = signExtend(b, w);
                if (sb == 0) return new long[]{mask(w), a & mask(w)};
                // Java's / wraps MIN / -1 to MIN for long; below 64 bits the true quotient 2^(w-1) wraps to MIN in w bits
                return new long[]{(sa / sb) & mask(w), (sa % sb) & mask(w)};
            });
        }
    }

    @Test
    void thirtyTwoBitsMatchJavaInts() {
        // the same against int arithmetic, as the documentation promises
        String src = "import std.arith;\nkernel k(a: u<32>, b: u<32>) -> (q: u<32>, r: u<32>, sq: u<32>, sr: u<32>) {\n"
                + "    q = a / b;\n    r = a % b;\n    sq = u<32>(s<32>(a) / s<32>(b));\n    sr = srem(a, b);\n}\n";
        CompiledKernel k = KautzCompiler.compile("div32.kz", src).kernel(null);
        Random rnd = new Random(32);
        int rows = 4096;
        int[] as = new int[rows], bs = new int[rows];
        for (int i = 0; i < rows; i++) {
            as[i] = i % 7 == 0 ? pick(rnd) : rnd.nextInt();
            bs[i] = i % 5 == 0 ? pick(rnd) : rnd.nextInt() >> rnd.nextInt(32);
        }
        long[][] out = simulate(k, rows, i -> as[i] & 0xffffffffL, i -> bs[i] & 0xffffffffL);
        for (int i = 0; i < rows; i++) {
            int a = as[i], b = bs[i];
            String at = a + ", " + b;
            assertEquals(b == 0 ? -1 : Integer.divideUnsigned(a, b), (int) get(out, k, "q", i), "udiv " + at);
            assertEquals(b == 0 ? a : Integer.remainderUnsigned(a, b), (int) get(out, k, "r", i), "urem " + at);
            assertEquals(b == 0 ? -1 : a / b, (int) get(out, k, "sq", i), "sdiv " + at);
            assertEquals(b == 0 ? a : a % b, (int) get(out, k, "sr", i), "srem " + at);
        }
    }

    private static int pick(Random rnd) {
        int[] s = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 2, -2};
        return s[rnd.nextInt(s.length)];
    }

    private interface Reference { long[] apply(long a, long b); }

    private interface Operand { long at(int row); }

    /** Runs the kernel (outputs q, r and every further pair qN, rN) on all or random operand pairs. */
    private static void check(String src, int w, Reference ref) {
        CompiledKernel k = KautzCompiler.compile("div" + w + ".kz", src).kernel(null);
        boolean exhaustive = w <= 6;
        int rows = exhaustive ? 1 << (2 * w) : 2048;
        Random rnd = new Random(w);
        long[] specials = {0, 1, mask(w), 1L << (w - 1), mask(w - 1), 2, mask(w) - 1};
        long[] as = new long[rows], bs = new long[rows];
        for (int i = 0; i < rows; i++) {
            if (exhaustive) {
                as[i] = i & mask(w);
                bs[i] = (i >>> w) & mask(w);
            } else {
                as[i] = i % 9 == 0 ? specials[rnd.nextInt(specials.length)] : rnd.nextLong() & mask(w);
                // divisors of every size, so that quotients are not mostly 0
                bs[i] = i % 5 == 0 ? specials[rnd.nextInt(specials.length)] : (rnd.nextLong() & mask(w)) >>> rnd.nextInt(w);
            }
        }
        long[][] out = simulate(k, rows, i -> as[i], i -> bs[i]);
        List<String> pairs = new ArrayList<>();
        for (Port p : k.outputs()) if (p.name().startsWith("q")) pairs.add(p.name().substring(1));
        for (int i = 0; i < rows; i++) {
            long[] want = ref.apply(as[i], bs[i]);
            for (String n : pairs) {
                String at = " at w=" + w + ", a=" + as[i] + ", b=" + bs[i];
                assertEquals(want[0], get(out, k, "q" + n, i), "quotient q" + n + at);
                assertEquals(want[1], get(out, k, "r" + n, i), "remainder r" + n + at);
            }
        }
    }

    private static long[][] simulate(CompiledKernel k, int rows, Operand a, Operand b) {
        long[][] in = new long[k.network().numInputs()][BitPlanes.words(rows)];
        Port pa = k.inputs().get(0), pb = k.inputs().get(1);
        for (int i = 0; i < rows; i++) {
            BitPlanes.set(in, pa, i, new BigInteger(Long.toUnsignedString(a.at(i))));
            BitPlanes.set(in, pb, i, new BigInteger(Long.toUnsignedString(b.at(i))));
        }
        return AigSimulator.simulate(k.network(), in);
    }

    private static long get(long[][] out, CompiledKernel k, String port, int row) {
        for (Port p : k.outputs()) if (p.name().equals(port)) return BitPlanes.get(out, p, row).longValue();
        throw new AssertionError("no output " + port);
    }

    private static long mask(int w) { return w == 64 ? -1L : (1L << w) - 1; }

    private static long signExtend(long v, int w) { return w == 64 ? v : (v << (64 - w)) >> (64 - w); }
}
