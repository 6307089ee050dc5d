package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Symmetric functions written the way synthesis writes them, as an adder tree (the count of the inputs as a
 * sum of the halves' counts) and a function of the count, plus the rows that test them: every weight.
 */
public final class SymmetricCircuits {
    private SymmetricCircuits() {}

    /** One output, {@code f(weight)} of {@code n} inputs, computed by an adder tree. */
    public static Aig of(String name, int n, IntPredicate f) {
        AigBuilder b = new AigBuilder();
        int[] in = new int[n];
        for (int i = 0; i < n; i++) in[i] = b.addInput("x[" + i + "]");
        b.addOutput(name, function(b, count(b, in, 0, n), n, f));
        return b.build();
    }

    /** Majority of n (odd) inputs. */
    public static Aig majority(int n) { return of("maj", n, w -> 2 * w > n); }

    /** The count of in[from..to) as bits, least significant first: the halves' counts added by a ripple adder. */
    static int[] count(AigBuilder b, int[] in, int from, int to) {
        if (to - from == 1) return new int[] {in[from]};
        int mid = (from + to) / 2;
        int[] x = count(b, in, from, mid), y = count(b, in, mid, to);
        int width = Math.max(x.length, y.length);
        List<Integer> sum = new ArrayList<>();
        int carry = Lit.FALSE;
        for (int i = 0; i < width; i++) {
            int a = i < x.length ? x[i] : Lit.FALSE, c = i < y.length ? y[i] : Lit.FALSE;
            sum.add(b.xor(b.xor(a, c), carry));
            carry = b.maj(a, c, carry);
        }
        sum.add(carry);
        return sum.stream().mapToInt(Integer::intValue).toArray();
    }

    /** OR over the weights w (0..n) with f(w) of the minterm "count == w". */
    static int function(AigBuilder b, int[] bits, int n, IntPredicate f) {
        int r = Lit.FALSE;
        for (int w = 0; w <= n; w++) {
            if (!f.test(w)) continue;
            int term = Lit.TRUE;
            for (int i = 0; i < bits.length; i++) term = b.and(term, Lit.notIf(bits[i], (w >>> i & 1) == 0));
            r = b.or(r, term);
        }
        return r;
    }

    /**
     * Input planes with {@code perWeight} rows of every weight 0..n (weight-major), each a random set of that many
     * ones; {@code inputs[i][word]}.
     */
    public static long[][] rowsOfEveryWeight(int n, int perWeight, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        return SymmetricFunction.rowsOfEveryWeight(n, all, perWeight, new SplittableRandom(seed));
    }

    /** Rows in {@link #rowsOfEveryWeight}. */
    public static int rows(int n, int perWeight) { return (n + 1) * perWeight; }
}
