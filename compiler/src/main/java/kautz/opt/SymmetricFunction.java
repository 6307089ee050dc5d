package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.network.Lit;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A totally symmetric function: its value depends only on how many of its support inputs are 1, so it is
 * given by its value vector {@code values[w]}, w = 0..n. Recognised by simulation, in two stages:
 * <ol>
 *   <li>rejection: seeded random rows (each with its own density of ones, so extreme weights are tried)
 *       against the same rows with the support inputs permuted at random; any difference rejects;</li>
 *   <li>the value vector: {@link #SAMPLES} random rows of each weight 0..n, which must all agree.</li>
 * </ol>
 * This is evidence, not a proof: a function that differs from a symmetric one on few rows can pass. The
 * callers check their rebuilt networks by simulation again; the proof is {@code kautz verify}'s
 * ({@code kautz.verify.SymmetryProof}, docs/verify.md).
 *
 * @param support input indices (positions in the network's inputs) the output depends on, ascending
 * @param values  {@code values[w]}: the output when exactly {@code w} support inputs are 1
 */
public record SymmetricFunction(int[] support, boolean[] values) {
    /** Rows per weight in the value-vector stage. */
    static final int SAMPLES = 64;
    /** Random permutations tried in the rejection stage, and words (64 rows) per permutation. */
    static final int PERMUTATIONS = 8;
    static final int WORDS = 4;

    public SymmetricFunction {
        support = support.clone();
        values = values.clone();
    }

    @Override public int[] support() { return support.clone(); }
    @Override public boolean[] values() { return values.clone(); }

    public int arity() { return support.length; }

    /** True when the value vector is a step: 0 below a weight and 1 from it on (as majority), or the complement. */
    public boolean isThreshold() {
        int changes = 0;
        for (int w = 1; w < values.length; w++) if (values[w] != values[w - 1]) changes++;
        return changes <= 1;
    }

    /**
     * Checks which of {@code outputs} (all with exactly the support {@code support}) are totally symmetric; the
     * result has an entry per output, null where the output is not.
     */
    static SymmetricFunction[] detect(Aig aig, int[] support, List<Integer> outputs, long seed) {
        SymmetricFunction[] found = new SymmetricFunction[outputs.size()];
        boolean[] alive = new boolean[outputs.size()];
        Arrays.fill(alive, true);
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = support.length;
        for (int p = 0; p < PERMUTATIONS; p++) {
            long[][] in = new long[aig.numInputs()][WORDS];
            for (int w = 0; w < WORDS; w++) {
                for (int bit = 0; bit < 64; bit++) {
                    double density = rnd.nextDouble();
                    for (int s : support) if (rnd.nextDouble() < density) in[s][w] |= 1L << bit;
                }
            }
            int[] perm = randomPermutation(n, rnd);
            long[][] permuted = new long[aig.numInputs()][];
            for (int i = 0; i < aig.numInputs(); i++) permuted[i] = in[i];
            for (int i = 0; i < n; i++) permuted[support[perm[i]]] = in[support[i]];
            long[][] a = AigSimulator.simulate(aig, in), b = AigSimulator.simulate(aig, permuted);
            boolean any = false;
            for (int k = 0; k < found.length; k++) {
                int o = outputs.get(k);
                if (alive[k] && !Arrays.equals(a[o], b[o])) alive[k] = false;
                any |= alive[k];
            }
            if (!any) return found;
        }
        long[][] in = rowsOfEveryWeight(aig.numInputs(), support, SAMPLES, rnd);
        long[][] out = AigSimulator.simulate(aig, in);
        for (int k = 0; k < found.length; k++) {
            if (!alive[k]) continue;
            long[] plane = out[outputs.get(k)];
            boolean[] values = new boolean[n + 1];
            boolean symmetric = true;
            for (int weight = 0; weight <= n && symmetric; weight++) {
                int first = weight * SAMPLES;
                values[weight] = bit(plane, first);
                for (int r = first + 1; r < first + SAMPLES; r++) {
                    if (bit(plane, r) != values[weight]) { symmetric = false; break; }
                }
            }
            if (symmetric) found[k] = new SymmetricFunction(support, values);
        }
        return found;
    }

    /**
     * Input planes ({@code [input][word]}) with {@code perWeight} rows of each weight 0..n of the support, weight-major
     * (rows {@code w * perWeight ..}): each row a random set of {@code w} support inputs at 1, the other inputs 0.
     */
    static long[][] rowsOfEveryWeight(int numInputs, int[] support, int perWeight, SplittableRandom rnd) {
        int n = support.length;
        int rows = (n + 1) * perWeight;
        long[][] in = new long[numInputs][(rows + 63) / 64];
        int[] pool = new int[n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) pool[i] = i;
            for (int i = 0; i < r / perWeight; i++) { // the first w entries of a partial shuffle: a random w-subset
                int j = i + rnd.nextInt(n - i);
                int t = pool[i]; pool[i] = pool[j]; pool[j] = t;
                in[support[pool[i]]][r >>> 6] |= 1L << (r & 63);
            }
        }
        return in;
    }

    /** The inputs (indices) in the cone of each output. */
    static int[][] supports(Aig aig) {
        int[][] result = new int[aig.numOutputs()][];
        int[] stamp = new int[aig.size()]; // visited by output o when stamp == o + 1: no clearing between outputs
        int[] stack = new int[aig.size()];
        for (int o = 0; o < aig.numOutputs(); o++) {
            int mark = o + 1;
            int top = 0;
            stack[top++] = Lit.node(aig.output(o));
            stamp[stack[0]] = mark;
            int count = 0;
            while (top > 0) {
                int v = stack[--top];
                if (aig.isInput(v)) { count++; continue; }
                if (!aig.isAnd(v)) continue;
                int f0 = Lit.node(aig.fanin0(v)), f1 = Lit.node(aig.fanin1(v));
                if (stamp[f0] != mark) { stamp[f0] = mark; stack[top++] = f0; }
                if (stamp[f1] != mark) { stamp[f1] = mark; stack[top++] = f1; }
            }
            int[] s = new int[count];
            int k = 0;
            for (int i = 0; i < aig.numInputs() && k < count; i++) if (stamp[i + 1] == mark) s[k++] = i;
            result[o] = s;
        }
        return result;
    }

    private static boolean bit(long[] plane, int row) { return (plane[row >>> 6] >>> (row & 63) & 1L) != 0; }

    private static int[] randomPermutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }
}
