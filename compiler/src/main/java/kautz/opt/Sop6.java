package kautz.opt;

import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.List;

/**
 * Sums of products of functions of up to six inputs (truth tables in a {@code long}, input 0 the least
 * significant minterm bit): the irredundant cover of Minato and Morreale, and algebraic factoring of a
 * cover into AIG logic. A cube is an int: bits 0-5 its positive literals, bits 6-11 its negative ones.
 */
final class Sop6 {
    private Sop6() {}

    static final long[] VAR = {0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
            0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L};

    static long cofactor0(long f, int i) {
        long low = f & ~VAR[i];
        return low | low << (1 << i);
    }

    static long cofactor1(long f, int i) {
        long high = f & VAR[i];
        return high | high >>> (1 << i);
    }

    static boolean dependsOn(long f, int i) { return cofactor0(f, i) != cofactor1(f, i); }

    /** An irredundant cover of f. */
    static List<Integer> isop(long f) {
        List<Integer> cubes = new ArrayList<>();
        isop(f, f, 6, cubes);
        return cubes;
    }

    /** A cover c with lower ⊆ c ⊆ upper over the inputs below {@code vars}; returns c. */
    private static long isop(long lower, long upper, int vars, List<Integer> cubes) {
        if (lower == 0) return 0;
        if (upper == -1L) { cubes.add(0); return -1L; }
        int x = vars - 1;
        while (x >= 0 && !dependsOn(lower, x) && !dependsOn(upper, x)) x--;
        long l0 = cofactor0(lower, x), l1 = cofactor1(lower, x), u0 = cofactor0(upper, x), u1 = cofactor1(upper, x);
        int start = cubes.size();
        long r0 = isop(l0 & ~u1, u0, x, cubes);
        for (int k = start; k < cubes.size(); k++) cubes.set(k, cubes.get(k) | 1 << (6 + x));
        int mid = cubes.size();
        long r1 = isop(l1 & ~u0, u1, x, cubes);
        for (int k = mid; k < cubes.size(); k++) cubes.set(k, cubes.get(k) | 1 << x);
        long rs = isop((l0 & ~r0) | (l1 & ~r1), u0 & u1, x, cubes);
        return (r0 & ~VAR[x]) | (r1 & VAR[x]) | rs;
    }

    /** Algebraic factoring: pull out the literal shared by most cubes, recursively; inputs are b.input(i). */
    static int factor(AigBuilder b, List<Integer> cubes) {
        if (cubes.isEmpty()) return Lit.FALSE;
        if (cubes.contains(0)) return Lit.TRUE;
        int bestLit = -1, bestCount = 1;
        for (int l = 0; l < 12; l++) {
            int count = 0;
            for (int c : cubes) if ((c >>> l & 1) != 0) count++;
            if (count > bestCount) { bestCount = count; bestLit = l; }
        }
        if (bestLit < 0) {
            int f = Lit.FALSE;
            for (int c : cubes) f = b.or(f, cube(b, c));
            return f;
        }
        List<Integer> with = new ArrayList<>(), without = new ArrayList<>();
        for (int c : cubes) {
            if ((c >>> bestLit & 1) != 0) with.add(c & ~(1 << bestLit));
            else without.add(c);
        }
        int lit = Lit.notIf(b.input(bestLit % 6), bestLit >= 6);
        return b.or(b.and(lit, factor(b, with)), factor(b, without));
    }

    private static int cube(AigBuilder b, int c) {
        int t = Lit.TRUE;
        for (int i = 0; i < 6; i++) {
            if ((c >>> i & 1) != 0) t = b.and(t, b.input(i));
            if ((c >>> (6 + i) & 1) != 0) t = b.and(t, Lit.not(b.input(i)));
        }
        return t;
    }

    /** A 4-input table repeated to fill 64 bits (the same function, independent of inputs 4 and 5). */
    static long widen4(int tt) {
        long t = tt & 0xFFFFL;
        return t | t << 16 | t << 32 | t << 48;
    }
}
