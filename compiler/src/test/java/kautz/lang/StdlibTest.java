package kautz.lang;

import kautz.lang.elab.CompiledKernel;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.ports.Port;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every stdlib function against a Java reference: exhaustively at 4 bits (all input combinations), on
 * random inputs at 32 bits (and 8 for the quadratic ones).
 */
class StdlibTest {
    private static final BigInteger TWO = BigInteger.TWO;

    /** Inputs a, b (and c, d) of width w; the reference maps input values to output values. */
    private static void check(String module, String outputs, String body, int w, int inputs,
                              Function<Map<String, BigInteger>, Map<String, BigInteger>> reference) {
        StringBuilder params = new StringBuilder();
        String[] names = {"a", "b", "c", "d"};
        for (int i = 0; i < inputs; i++) params.append(i == 0 ? "" : ", ").append(names[i]).append(": u<").append(w).append(">");
        String src = "import " + module + ";\nkernel k(" + params + ") -> (" + outputs.replace("W", "" + w) + ") {\n"
                + body.replace("W", "" + w) + "\n}\n";
        CompiledKernel k = KautzCompiler.compile("test.kz", src).kernel(null);
        int bits = w * inputs;
        boolean exhaustive = bits <= 16;
        int rows = exhaustive ? 1 << bits : 512;
        long[][] in = new long[k.network().numInputs()][BitPlanes.words(rows)];
        Random rnd = new Random(w * 31L + inputs);
        for (int row = 0; row < rows; row++) {
            BigInteger all = exhaustive ? BigInteger.valueOf(row) : new BigInteger(bits, rnd);
            for (int i = 0; i < inputs; i++) {
                Port p = k.inputs().get(i);
                BitPlanes.set(in, p, row, all.shiftRight(i * w).mod(TWO.pow(w)));
            }
        }
        long[][] out = AigSimulator.simulate(k.network(), in);
        for (int row = 0; row < rows; row++) {
            Map<String, BigInteger> values = new HashMap<>();
            for (Port p : k.inputs()) values.put(p.name(), BitPlanes.get(in, p, row));
            Map<String, BigInteger> want = reference.apply(values);
            for (Port p : k.outputs()) {
                assertEquals(want.get(p.name()), BitPlanes.get(out, p, row), module + " " + body + " at " + values + ", output " + p.name());
            }
        }
    }

    private static BigInteger mask(int w) { return TWO.pow(w).subtract(BigInteger.ONE); }
    private static BigInteger bit(boolean b) { return b ? BigInteger.ONE : BigInteger.ZERO; }
    private static BigInteger signed(BigInteger v, int w) { return v.testBit(w - 1) ? v.subtract(TWO.pow(w)) : v; }

    @Test
    void arith() {
        for (int w : new int[]{4, 32}) {
            BigInteger m = mask(w);
            check("std.arith", "s: u<W>, co: bit, s2: u<W>, co2: bit", "(s, co) = ripple_add(a, b, 1); (s2, co2) = kogge_stone_add(a, b, 1);", w, 2, v -> {
                BigInteger t = v.get("a").add(v.get("b")).add(BigInteger.ONE);
                return Map.of("s", t.and(m), "co", bit(t.testBit(w)), "s2", t.and(m), "co2", bit(t.testBit(w)));
            });
            check("std.arith", "s: u<W>, co: bit", "(s, co) = kogge_stone_add(a, b, 0);", w, 2, v -> {
                BigInteger t = v.get("a").add(v.get("b"));
                return Map.of("s", t.and(m), "co", bit(t.testBit(w)));
            });
            check("std.arith", "lt: bit, le: bit, slt: bit, sle: bit", "lt = ult(a, b); le = ule(a, b); slt = slt(a, b); sle = sle(a, b);", w, 2, v -> {
                BigInteger a = v.get("a"), b = v.get("b");
                return Map.of("lt", bit(a.compareTo(b) < 0), "le", bit(a.compareTo(b) <= 0),
                        "slt", bit(signed(a, w).compareTo(signed(b, w)) < 0), "sle", bit(signed(a, w).compareTo(signed(b, w)) <= 0));
            });
            check("std.arith", "d: u<W>, bo: bit, n: u<W>, ab: u<W>", "(d, bo) = subtract(a, b); n = negate(a); ab = abs(b);", w, 2, v -> {
                BigInteger a = v.get("a"), b = v.get("b");
                return Map.of("d", a.subtract(b).and(m), "bo", bit(a.compareTo(b) < 0), "n", a.negate().and(m),
                        "ab", signed(b, w).abs().and(m));
            });
            check("std.arith", "lo: u<W>", "lo = mul_lo(a, b);", w, 2, v -> Map.of("lo", v.get("a").multiply(v.get("b")).and(m)));
            check("std.arith", "mn: u<W>, mx: u<W>, smn: u<W>, smx: u<W>", "mn = umin(a, b); mx = umax(a, b); smn = smin(a, b); smx = smax(a, b);", w, 2, v -> {
                BigInteger a = v.get("a"), b = v.get("b");
                boolean slt = signed(a, w).compareTo(signed(b, w)) < 0;
                return Map.of("mn", a.min(b), "mx", a.max(b), "smn", slt ? a : b, "smx", slt ? b : a);
            });
        }
        for (int w : new int[]{4, 8}) {
            check("std.arith", "p: u<2*W>", "p = mul_full(a, b);", w, 2, v -> Map.of("p", v.get("a").multiply(v.get("b"))));
            check("std.arith", "q: u<W>, r: u<W>", "(q, r) = divmod(a, b);", w, 2, v -> {
                BigInteger a = v.get("a"), b = v.get("b");
                if (b.signum() == 0) return Map.of("q", mask(w), "r", a);
                return Map.of("q", a.divide(b), "r", a.mod(b));
            });
        }
    }

    @Test
    void treeMultipliers() {
        // exhaustive at 1..5 and 8 bits (N = 1 and 2 have no reduction stage), random at 32, and the widest N
        for (int w : new int[]{1, 2, 3, 4, 5, 8, 32, 45}) {
            check("std.arith", "pw: u<2*W>, pd: u<2*W>", "pw = mul_wallace(a, b); pd = mul_dadda(a, b);", w, 2, v -> {
                BigInteger p = v.get("a").multiply(v.get("b"));
                return Map.of("pw", p, "pd", p);
            });
        }
    }

    @Test
    void karatsubaMultiplier() {
        // odd and even widths (the halves differ by one bit for odd N); exhaustive where small, random above
        for (int w : new int[]{2, 3, 4, 5, 7, 8, 24, 32, 33}) {
            check("std.arith", "p: u<2*W>", "p = mul_karatsuba(a, b);", w, 2, v -> Map.of("p", v.get("a").multiply(v.get("b"))));
        }
        assertTrue(ands("mul_karatsuba", 32) < ands("mul_full", 32), "Karatsuba is the smaller network at 32 bits");
    }

    @Test
    void treeMultipliersRunInTheInterpreter() {
        String src = "import std.arith;\nkernel k(a: u<6>, b: u<6>) -> (pw: u<12>, pd: u<12>) {\n"
                + "    pw = mul_wallace(a, b);\n    pd = mul_dadda(a, b);\n}\n";
        kautz.lang.eval.Interpreter interp = new kautz.lang.eval.Interpreter(
                KautzCompiler.check(new kautz.lang.ast.SourceText("test.kz", src), null));
        for (int a = 0; a < 64; a += 7) {
            for (int b = 0; b < 64; b += 5) {
                Map<String, BigInteger> out = interp.run("k", Map.of("a", BigInteger.valueOf(a), "b", BigInteger.valueOf(b)));
                assertEquals(BigInteger.valueOf(a * b), out.get("pw"), a + " * " + b + " (Wallace)");
                assertEquals(BigInteger.valueOf(a * b), out.get("pd"), a + " * " + b + " (Dadda)");
            }
        }
    }

    @Test
    void treeMultipliersUseTheirAdderCounts() {
        // Dadda's tree has N^2-4N+3 full and N-1 half adders, the array N(N-1) adders: equal AND counts once
        // the final adders are included; Wallace spends more adders for the same depth.
        int dadda = ands("mul_dadda", 16), array = ands("mul_full", 16), wallace = ands("mul_wallace", 16);
        assertEquals(array, dadda, "Dadda and array multipliers use as many adders");
        assertTrue(wallace > dadda, "Wallace " + wallace + " ANDs, Dadda " + dadda);
        assertTrue(depth("mul_dadda", 16) < depth("mul_full", 16));
    }

    private static int ands(String fn, int w) { return multiplier(fn, w).network().numAnds(); }

    private static int depth(String fn, int w) { return multiplier(fn, w).network().depth(); }

    private static CompiledKernel multiplier(String fn, int w) {
        String src = "import std.arith;\nkernel k(a: u<" + w + ">, b: u<" + w + ">) -> u<" + 2 * w + "> { return " + fn + "(a, b); }\n";
        return KautzCompiler.compile("test.kz", src).kernel(null);
    }

    @Test
    void bits() {
        for (int w : new int[]{4, 32}) {
            BigInteger m = mask(w);
            check("std.bits", "pc: u<W>, par: bit, lz: u<W+1>, tz: u<W+1>, rev: u<W>, g: u<W>, ug: u<W>",
                    "pc = popcount(a); par = parity(a); lz = clz(a); tz = ctz(a); rev = reverse(a); g = to_gray(a); ug = from_gray(a);", w, 1, v -> {
                BigInteger a = v.get("a");
                BigInteger rev = BigInteger.ZERO;
                for (int i = 0; i < w; i++) if (a.testBit(i)) rev = rev.setBit(w - 1 - i);
                BigInteger ug = BigInteger.ZERO;
                for (int i = 0; i < w; i++) {
                    boolean p = false;
                    for (int j = i; j < w; j++) p ^= a.testBit(j);
                    if (p) ug = ug.setBit(i);
                }
                int lz = a.signum() == 0 ? w : w - a.bitLength();
                int tz = a.signum() == 0 ? w : a.getLowestSetBit();
                return Map.of("pc", BigInteger.valueOf(a.bitCount()), "par", bit(a.bitCount() % 2 == 1),
                        "lz", BigInteger.valueOf(lz), "tz", BigInteger.valueOf(tz), "rev", rev,
                        "g", a.xor(a.shiftRight(1)), "ug", ug);
            });
            check("std.bits", "l: u<W>, r: u<W>, rl: u<W>, rr: u<W>",
                    "l = shl_by(a, b[5:0]); r = shr_by(a, b[5:0]); rl = rotl_by(a, b[5:0]); rr = rotr_by(a, b[5:0]);".replace("[5:0]", w < 6 ? "" : "[5:0]"), w, 2, v -> {
                BigInteger a = v.get("a");
                int s = v.get("b").and(BigInteger.valueOf(63)).intValue();
                int k = s % w;
                BigInteger rl = a.shiftLeft(k).or(a.shiftRight(w - k)).and(m);
                BigInteger rr = a.shiftRight(k).or(a.shiftLeft(w - k)).and(m);
                return Map.of("l", a.shiftLeft(s).and(m), "r", a.shiftRight(s), "rl", rl, "rr", rr);
            });
        }
    }

    @Test
    void select() {
        for (int w : new int[]{4, 32}) {
            check("std.select", "m2: u<W>, m4: u<W>, idx: u<W>, ok: bit, dec: u<W>",
                    "m2 = mux2(a[0], a, b); m4 = mux4(b[1:0], a, b, ~a, a ^ b); (idx, ok) = priority(a); dec = decode(b, a);", w, 2, v -> {
                BigInteger a = v.get("a"), b = v.get("b"), m = mask(w);
                BigInteger[] four = {a, b, a.not().and(m), a.xor(b)};
                BigInteger dec = b.compareTo(BigInteger.valueOf(w)) < 0 ? BigInteger.ONE.shiftLeft(b.intValue()) : BigInteger.ZERO;
                return Map.of("m2", a.testBit(0) ? b : a, "m4", four[b.intValue() & 3],
                        "idx", BigInteger.valueOf(a.signum() == 0 ? 0 : a.bitLength() - 1), "ok", bit(a.signum() != 0), "dec", dec);
            });
        }
        for (int w : new int[]{3, 16}) {
            check("std.select", "w: u<W>, x: u<W>, y: u<W>, z: u<W>", "(w, x, y, z) = sort4(a, b, c, d);", w, 4, v -> {
                List<BigInteger> s = new java.util.ArrayList<>(List.of(v.get("a"), v.get("b"), v.get("c"), v.get("d")));
                java.util.Collections.sort(s);
                return Map.of("w", s.get(0), "x", s.get(1), "y", s.get(2), "z", s.get(3));
            });
        }
    }

    @Test
    void stochastic() {
        for (int w : new int[]{4, 32}) {
            check("std.stochastic", "p: u<W>, s: u<W>, one: bit", "p = sc_mul(a, b); s = sc_scaled_add(a, b, c); one = sc_bit(a, b);", w, 3, v -> {
                BigInteger a = v.get("a"), b = v.get("b"), c = v.get("c"), m = mask(w);
                return Map.of("p", a.and(b), "s", c.and(b).or(c.not().and(m).and(a)), "one", bit(b.compareTo(a) < 0));
            });
        }
    }
}
